import type { CompositionSpec } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveComposition } from '../../application/reserve/index.js';
import {
  type ComposerFixture,
  createComposerFixture,
  gpuPool,
  now,
} from '../../test-support/composer-fixture.js';
import { heldCount, reservingReplica } from '../../test-support/reservation-fixture.js';
import { ReservationSweep } from './reservation-sweep.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const oneGpu: CompositionSpec = {
  name: 'one-gpu',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpu', kind: 'gpu', count: 1 }],
};

describe('ReservationSweep', () => {
  it('deletes expired holds a bounded batch at a time and keeps the ones still running', async () => {
    const replica = await reservingReplica(fixture, 'replica-a', () => gpuPool(4, 'sweep'));
    for (const holdSeconds of [10, 20, 30, 600]) {
      await reserveComposition(replica.deps, { spec: oneGpu, holdSeconds, requestedBy: 'alice' });
    }
    const { pool, ledger } = replica.persistence;
    const sweep = new ReservationSweep({ pool, ledger, batchSize: 2 });
    const at = new Date(now.getTime() + 60_000);

    const first = await sweep.releaseExpiredReservations(at);
    expect(first.released.map((row) => row.deviceId)).toEqual(['sweep-00', 'sweep-01', 'sweep-02']);
    expect(first.expiredHolds).toBe(2);
    expect(await sweep.releaseExpiredReservations(at)).toEqual({ released: [], expiredHolds: 1 });
    expect(await sweep.releaseExpiredReservations(at)).toEqual({ released: [], expiredHolds: 0 });

    expect(await heldCount(replica)).toBe(1);
    expect((await fixture.ledgerRows()).map((row) => row.deviceId)).toEqual(['sweep-03']);
  });
});
