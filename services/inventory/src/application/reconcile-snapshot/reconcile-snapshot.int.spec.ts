import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandContext,
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { smallLab } from '../../test-support/small-lab.js';
import { reconcileSnapshot } from './reconcile-snapshot.handler.js';

let fixture: InventoryFixture;
beforeAll(async () => {
  fixture = await createInventoryFixture();
});
afterAll(async () => {
  await fixture.close();
});

const manifest = { kind: 'manifest', id: 'rack-1' } as const;

describe('reconciling what a source reports', () => {
  it('registers everything the first time, and changes nothing the second time', async () => {
    const deps = fixture.persistence;
    const first = await reconcileSnapshot(
      deps,
      { source: manifest, snapshot: smallLab() },
      commandContext(),
    );
    expect(first).toEqual({ registered: 8, updated: 0, unchanged: 0, missing: 0, refused: [] });
    const events = await fixture.eventCount();
    expect(events).toBe(8);

    await fixture.rebuildViews();
    const second = await reconcileSnapshot(
      deps,
      { source: manifest, snapshot: smallLab() },
      commandContext(),
    );
    expect(second).toEqual({ registered: 0, updated: 0, unchanged: 8, missing: 0, refused: [] });
    expect(await fixture.eventCount()).toBe(events);

    const items = await fixture.rows('items');
    expect(
      items.map((item) => `${String(item.kind)}:${String(item.id)}:${String(item.lifecycle)}`),
    ).toEqual(
      [
        'device:gpu-1:available',
        'device:gpu-2:available',
        'device:nvme-local-1:available',
        'enclosure:gpu-chassis-1:available',
        'fabric:pcie-1:available',
        'host:host-1:available',
        'rack:rack-1:available',
        'site:site-a:available',
      ].sort(),
    );
  });

  it('marks what the source no longer reports as missing, and brings it back when reported again', async () => {
    const deps = fixture.persistence;
    const lab = smallLab();
    const withoutGpu2 = { ...lab, devices: lab.devices.filter((device) => device.id !== 'gpu-2') };
    const result = await reconcileSnapshot(
      deps,
      { source: manifest, snapshot: withoutGpu2 },
      commandContext(),
    );
    expect(result).toMatchObject({ registered: 0, updated: 0, missing: 1 });
    await fixture.rebuildViews();
    const gpu2 = (await fixture.rows('items')).find((item) => item.id === 'gpu-2');
    expect(gpu2).toMatchObject({ lifecycle: 'missing', missing: true });

    const back = await reconcileSnapshot(
      deps,
      { source: manifest, snapshot: lab },
      commandContext(),
    );
    expect(back).toMatchObject({ updated: 1, missing: 0 });
    await fixture.rebuildViews();
    expect((await fixture.rows('items')).find((item) => item.id === 'gpu-2')).toMatchObject({
      lifecycle: 'available',
    });
  });

  it('refuses, item by item, what another source declared, and applies the rest', async () => {
    const deps = fixture.persistence;
    const lab = smallLab();
    const other = { kind: 'redfish', id: 'bmc-9' } as const;
    const result = await reconcileSnapshot(
      deps,
      {
        source: other,
        snapshot: {
          ...lab,
          devices: lab.devices.slice(0, 1),
          sites: [],
          racks: [],
          enclosures: [],
          hosts: [],
          fabrics: [],
        },
      },
      commandContext(),
    );
    expect(result.refused).toEqual([
      {
        kind: 'device',
        id: 'gpu-1',
        reason:
          'device "gpu-1" was declared by manifest source "rack-1"; redfish source "bmc-9" cannot change it',
      },
    ]);
  });
});
