import { ItemNotFoundError, ItemRetiredError, itemStreamId } from '@tessera/inventory-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandContext,
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { smallLab } from '../../test-support/small-lab.js';
import { reconcileSnapshot } from '../reconcile-snapshot/reconcile-snapshot.handler.js';
import { operateItem } from './operate-item.handler.js';

let fixture: InventoryFixture;
beforeAll(async () => {
  fixture = await createInventoryFixture();
  await reconcileSnapshot(
    fixture.persistence,
    { source: { kind: 'manifest', id: 'lab' }, snapshot: smallLab() },
    commandContext(),
  );
});
afterAll(async () => {
  await fixture.close();
});

async function streamTypes(id: string): Promise<string[]> {
  const { events } = await fixture.persistence.store.readStream(itemStreamId('device', id));
  return events.map((event) => event.type.replace('tessera.inventory.v1.', ''));
}

describe('operator commands', () => {
  it('cordons a device once however many operators cordon it at the same moment', async () => {
    const { items } = fixture.persistence;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        operateItem(
          items,
          { kind: 'device', id: 'gpu-1', operation: { action: 'cordon', reason: `ticket ${n}` } },
          commandContext(`user:op-${n}`),
        ),
      ),
    );
    expect(results.flat()).toHaveLength(1);
    expect(await streamTypes('gpu-1')).toEqual(['DeviceRegistered', 'DeviceCordoned']);
  });

  it('applies every one of many concurrent label changes, none lost, in some order', async () => {
    const { items } = fixture.persistence;
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        operateItem(
          items,
          {
            kind: 'device',
            id: 'gpu-2',
            operation: { action: 'set-labels', labels: { slot: `s${n}` } },
          },
          commandContext(),
        ),
      ),
    );
    const { events } = await fixture.persistence.store.readStream(itemStreamId('device', 'gpu-2'));
    const labelled = events.filter((event) => event.type.endsWith('DeviceLabelsSet'));
    expect(labelled).toHaveLength(10);
    const { state } = await items.load('device', 'gpu-2');
    expect(state.status === 'present' && state.operatorLabels).toEqual(
      (labelled.at(-1)?.data as { labels?: unknown } | undefined)?.labels,
    );
  });

  it('answers an unknown id with a not-found error and appends nothing', async () => {
    const before = await fixture.eventCount();
    const attempt = operateItem(
      fixture.persistence.items,
      { kind: 'device', id: 'gpu-404', operation: { action: 'cordon', reason: 'x' } },
      commandContext(),
    );
    await expect(attempt).rejects.toBeInstanceOf(ItemNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'INVENTORY_ITEM_NOT_FOUND' });
    expect(await fixture.eventCount()).toBe(before);
  });

  it('retires a host for good: a later cordon is refused', async () => {
    const { items } = fixture.persistence;
    await operateItem(
      items,
      { kind: 'host', id: 'host-1', operation: { action: 'retire', reason: 'end of lease' } },
      commandContext(),
    );
    await expect(
      operateItem(
        items,
        { kind: 'host', id: 'host-1', operation: { action: 'cordon', reason: 'x' } },
        commandContext(),
      ),
    ).rejects.toBeInstanceOf(ItemRetiredError);
  });

  it('keeps the live read models equal to a rebuild from the log', async () => {
    const live = await Promise.all(
      fixture.persistence.projections.map((projection) =>
        fixture.persistence.store.runProjection(projection, { idlePollMs: 20 }),
      ),
    );
    await operateItem(
      fixture.persistence.items,
      {
        kind: 'device',
        id: 'nvme-local-1',
        operation: { action: 'set-health', health: 'warning', reason: 'media errors' },
      },
      commandContext(),
    );
    const events = await fixture.eventCount();
    await expect.poll(async () => sumOfVersions(), { timeout: 20_000, interval: 50 }).toBe(events);
    const liveItems = await fixture.rows('items');
    const liveDevices = await fixture.rows('devices');
    await Promise.all(live.map((subscription) => subscription.stop()));
    await fixture.rebuildViews();
    expect(await fixture.rows('items')).toEqual(liveItems);
    expect(await fixture.rows('devices')).toEqual(liveDevices);
    expect(liveItems.find((item) => item.id === 'nvme-local-1')).toMatchObject({
      health: 'warning',
    });
  });
});

async function sumOfVersions(): Promise<number> {
  const { rows } = await fixture.pool.query<{ total: string }>(
    'SELECT coalesce(sum(version), 0) AS total FROM inventory_views.items',
  );
  return Number(rows[0]?.total);
}
