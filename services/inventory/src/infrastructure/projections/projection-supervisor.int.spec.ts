import type { Projection } from '@tessera/event-store';
import { silentLogger } from '@tessera/event-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileSnapshot } from '../../application/reconcile-snapshot/reconcile-snapshot.handler.js';
import {
  commandContext,
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { smallLab } from '../../test-support/small-lab.js';
import { superviseProjection } from './projection-supervisor.js';

let fixture: InventoryFixture;
beforeAll(async () => {
  fixture = await createInventoryFixture();
});
afterAll(async () => {
  await fixture.close();
});

describe('a supervised projection', () => {
  it('is restarted after it fails, and its read model catches up once the cause is gone', async () => {
    const [items] = fixture.persistence.projections as [Projection];
    let failuresLeft = 2;
    const flaky: Projection = {
      ...items,
      applyBatch: async (events, client) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('the database refused the write');
        }
        await (items.applyBatch ?? (() => Promise.resolve()))(events, client);
      },
    };
    const supervision = await superviseProjection(fixture.persistence.store, flaky, silentLogger);
    try {
      await reconcileSnapshot(
        fixture.persistence,
        { source: { kind: 'manifest', id: 'lab' }, snapshot: smallLab() },
        commandContext(),
      );
      await expect
        .poll(async () => (await fixture.rows('items')).length, { timeout: 20_000, interval: 100 })
        .toBe(8);
      expect(failuresLeft).toBe(0);
    } finally {
      await supervision.stop();
    }
  });
});
