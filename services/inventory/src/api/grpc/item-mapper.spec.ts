import { inventory } from '@tessera/contracts';
import type { ItemKind } from '@tessera/inventory-domain';
import { describe, expect, it } from 'vitest';
import type { ItemView } from '../../application/ports/inventory-read-model.js';
import { smallLab } from '../../test-support/small-lab.js';
import { itemOf, routeOf } from './item-mapper.js';

const lab = smallLab();

function viewOf<K extends ItemKind>(kind: K, spec: ItemView<K>['spec']): ItemView<K> {
  return {
    kind,
    id: spec.id,
    spec,
    source: { kind: 'manifest', id: 'lab' },
    labels: { tier: 'gold' },
    health: 'ok',
    lifecycle: 'cordoned',
    schedulable: false,
    cordonReason: 'RMA 4711',
    retiredReason: undefined,
    version: 3,
    updatedAt: '2026-11-23T05:20:11.123Z',
  };
}

/** What a client decodes: the item after the binary encoding. */
const overTheWire = (item: inventory.Item): inventory.Item =>
  inventory.Item.decode(inventory.Item.encode(item).finish());

describe('items as the API shows them', () => {
  it('puts a device spec in the oneof field of its kind, with the state the inventory keeps', () => {
    const item = overTheWire(itemOf(viewOf('device', lab.devices[0]!)));
    expect(item).toMatchObject({
      kind: inventory.ItemKind.ITEM_KIND_DEVICE,
      id: 'gpu-1',
      device: {
        kind: inventory.DeviceKind.DEVICE_KIND_GPU,
        model: 'H100 PCIe',
        firmware: '96.00.5E.00.01',
        attributes: { memoryGib: 80, pcieGeneration: 5, pcieLanes: 16 },
        enclosureId: 'gpu-chassis-1',
        attachments: [{ fabricId: 'pcie-1', endpointId: 'ep-gpu-1' }],
        maxCompositions: 1,
        health: inventory.Health.HEALTH_OK,
      },
      source: { kind: inventory.SourceKind.SOURCE_KIND_MANIFEST, id: 'lab' },
      labels: { tier: 'gold' },
      lifecycle: inventory.Lifecycle.LIFECYCLE_CORDONED,
      cordonReason: 'RMA 4711',
      version: 3,
      updateTime: '2026-11-23T05:20:11.123Z',
    });
    expect(item.device?.attributes?.capacityTb).toBeUndefined();
    expect(item.retiredReason).toBeUndefined();
    expect([item.site, item.rack, item.enclosure, item.host, item.fabric]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('shows a fabric with its switches, endpoints and links', () => {
    const { fabric } = overTheWire(itemOf(viewOf('fabric', lab.fabrics[0]!)));
    expect(fabric?.kind).toBe(inventory.FabricKind.FABRIC_KIND_PCIE);
    expect(fabric?.switches[0]?.ports.map((port) => port.id)).toEqual(['p1', 'p2', 'p3']);
    expect(fabric?.endpoints[0]).toEqual({
      id: 'ep-host-1',
      role: inventory.EndpointRole.ENDPOINT_ROLE_INITIATOR,
      entity: { type: inventory.EndpointEntityType.ENDPOINT_ENTITY_TYPE_HOST, id: 'host-1' },
      servesDeviceIds: [],
    });
    expect(fabric?.links[0]).toEqual({
      a: { endpointId: 'ep-host-1' },
      b: { switchPort: { switchId: 'sw-1', portId: 'p1' } },
    });
  });

  it('shows a host, and a health nobody reported as unspecified', () => {
    const view = { ...viewOf('host', lab.hosts[0]!), health: undefined };
    const item = overTheWire(itemOf(view));
    expect(item.host).toMatchObject({ id: 'host-1', cpuCores: 64, memoryGib: 512 });
    expect(item.health).toBe(inventory.Health.HEALTH_UNSPECIFIED);
  });

  it('shows a route with its switch path', () => {
    expect(
      routeOf({
        hostId: 'host-1',
        deviceId: 'gpu-1',
        fabricId: 'pcie-1',
        hops: 2,
        switchPath: ['sw-1'],
      }),
    ).toEqual({
      hostId: 'host-1',
      deviceId: 'gpu-1',
      fabricId: 'pcie-1',
      hops: 2,
      switchPath: ['sw-1'],
    });
  });
});
