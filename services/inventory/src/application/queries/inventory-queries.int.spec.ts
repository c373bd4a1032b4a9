import type { FabricSpec } from '@tessera/inventory-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandContext,
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { smallLab } from '../../test-support/small-lab.js';
import { operateItem } from '../operate-item/operate-item.handler.js';
import { reconcileSnapshot } from '../reconcile-snapshot/reconcile-snapshot.handler.js';
import { InventoryQueries } from './inventory-queries.js';

let fixture: InventoryFixture;
let queries: InventoryQueries;
const source = { kind: 'manifest', id: 'lab' } as const;

beforeAll(async () => {
  fixture = await createInventoryFixture();
  await reconcileSnapshot(fixture.persistence, { source, snapshot: smallLab() }, commandContext());
  await fixture.rebuildViews();
  queries = new InventoryQueries(fixture.persistence.readModel);
});
afterAll(async () => {
  await fixture.close();
});

const ids = (page: { items: readonly { id: string }[] }): string[] =>
  page.items.map((item) => item.id);

describe('inventory queries', () => {
  it('gets an item with its state, and answers an unknown one with not found', async () => {
    await expect(queries.getItem('device', 'gpu-1')).resolves.toMatchObject({
      kind: 'device',
      id: 'gpu-1',
      lifecycle: 'available',
      health: 'ok',
      source: { kind: 'manifest', id: 'lab' },
      spec: { model: 'H100 PCIe', attributes: { memoryGiB: 80 } },
    });
    await expect(queries.getItem('device', 'nope')).rejects.toMatchObject({
      code: 'INVENTORY_ITEM_NOT_FOUND',
    });
  });

  it('lists devices by kind, attribute comparison, fabric and reachability', async () => {
    expect(ids(await queries.listDevices({ kinds: ['gpu'] }, {}))).toEqual(['gpu-1', 'gpu-2']);
    expect(
      ids(
        await queries.listDevices(
          { attributes: [{ attribute: 'capacityTB', operator: '>', value: 7 }] },
          {},
        ),
      ),
    ).toEqual(['nvme-local-1']);
    expect(ids(await queries.listDevices({ fabricId: 'pcie-1' }, {}))).toEqual(['gpu-1', 'gpu-2']);
    expect(ids(await queries.listDevices({ reachableFromHostId: 'host-1' }, {}))).toEqual([
      'gpu-1',
      'gpu-2',
      'nvme-local-1',
    ]);
    expect(ids(await queries.listDevices({ kinds: ['fpga'] }, {}))).toEqual([]);
  });

  it('pages through a list with opaque cursors', async () => {
    const first = await queries.listDevices({}, { limit: 2 });
    expect(ids(first)).toEqual(['gpu-1', 'gpu-2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await queries.listDevices({}, { limit: 2, cursor: first.nextCursor });
    expect(ids(second)).toEqual(['nvme-local-1']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses a bad filter, page size or cursor, naming each field', async () => {
    await expect(
      queries.listDevices(
        {
          kinds: ['gpus' as 'gpu'],
          attributes: [{ attribute: 'memoryGiB', operator: '>=', value: Number.NaN }],
        },
        { limit: 5000, cursor: 'garbage' },
      ),
    ).rejects.toThrow(
      'kinds[0]: "gpus" is not one of gpu, nvme, ssd, hdd, nic, dpu, fpga, cxl-memory, pmem, accelerator; ' +
        'attributes[0].value: must be a finite number; limit: must be an integer from 1 to 1000; ' +
        'cursor: is not a cursor this service issued',
    );
  });

  it('answers reachability both ways, with hops and the switch path', async () => {
    expect(await queries.devicesReachableFrom('host-1')).toEqual([
      { hostId: 'host-1', deviceId: 'nvme-local-1', fabricId: 'local', hops: 0, switchPath: [] },
      { hostId: 'host-1', deviceId: 'gpu-1', fabricId: 'pcie-1', hops: 1, switchPath: ['sw-1'] },
      { hostId: 'host-1', deviceId: 'gpu-2', fabricId: 'pcie-1', hops: 1, switchPath: ['sw-1'] },
    ]);
    expect(await queries.hostsReaching('gpu-2')).toEqual([
      { hostId: 'host-1', deviceId: 'gpu-2', fabricId: 'pcie-1', hops: 1, switchPath: ['sw-1'] },
    ]);
    await expect(queries.devicesReachableFrom('host-404')).rejects.toMatchObject({
      code: 'INVENTORY_ITEM_NOT_FOUND',
    });
  });

  it('takes the devices of a cordoned enclosure out of scheduling, and puts them back', async () => {
    const cordon = (action: 'cordon' | 'uncordon') =>
      operateItem(
        fixture.persistence.items,
        { kind: 'enclosure', id: 'gpu-chassis-1', operation: { action, reason: 'power work' } },
        commandContext(),
      );
    expect(ids(await queries.listDevices({ schedulable: true }, {}))).toEqual([
      'gpu-1',
      'gpu-2',
      'nvme-local-1',
    ]);
    await cordon('cordon');
    await fixture.rebuildViews();
    expect(ids(await queries.listDevices({ schedulable: true }, {}))).toEqual(['nvme-local-1']);
    await expect(queries.getItem('device', 'gpu-1')).resolves.toMatchObject({
      lifecycle: 'available',
      schedulable: false,
    });
    await cordon('uncordon');
    await fixture.rebuildViews();
    expect(ids(await queries.listDevices({ schedulable: true }, {}))).toEqual([
      'gpu-1',
      'gpu-2',
      'nvme-local-1',
    ]);
  });

  it('stops reaching a device once a topology change cuts its link', async () => {
    const lab = smallLab();
    const fabric = lab.fabrics[0]!;
    const recabled: FabricSpec = {
      ...fabric,
      links: fabric.links.filter(
        (link) => !('endpointId' in link.a && link.a.endpointId === 'ep-gpu-2'),
      ),
    };
    const result = await reconcileSnapshot(
      fixture.persistence,
      { source, snapshot: { ...lab, fabrics: [recabled] } },
      commandContext(),
    );
    expect(result).toMatchObject({ updated: 1 });
    await fixture.rebuildViews();
    expect(await queries.hostsReaching('gpu-2')).toEqual([]);
    expect((await queries.devicesReachableFrom('host-1')).map((route) => route.deviceId)).toEqual([
      'nvme-local-1',
      'gpu-1',
    ]);
  });
});
