import type { DeviceSpec, InventorySnapshot } from '@tessera/inventory-domain';

/** One rack: a host, a GPU chassis with two GPUs behind a PCIe switch, and a host-local NVMe. */
export function smallLab(): InventorySnapshot {
  const gpu = (n: number): DeviceSpec => ({
    id: `gpu-${n}`,
    kind: 'gpu',
    vendor: 'NVIDIA',
    model: 'H100 PCIe',
    serial: `GPU000${n}`,
    firmware: '96.00.5E.00.01',
    attributes: { memoryGiB: 80, pcieGeneration: 5, pcieLanes: 16 },
    enclosureId: 'gpu-chassis-1',
    attachments: [{ fabricId: 'pcie-1', endpointId: `ep-gpu-${n}` }],
    maxCompositions: 1,
    health: 'ok',
  });
  return {
    sites: [{ id: 'site-a', name: 'Site A' }],
    racks: [{ id: 'rack-1', siteId: 'site-a', name: 'Rack 1' }],
    enclosures: [
      {
        id: 'gpu-chassis-1',
        kind: 'gpu-chassis',
        rackId: 'rack-1',
        vendor: 'Liqid',
        model: 'EX-4400',
        serial: 'CH1',
      },
    ],
    hosts: [
      {
        id: 'host-1',
        name: 'host-1',
        rackId: 'rack-1',
        vendor: 'Dell',
        model: 'PowerEdge R760',
        serial: 'H1',
        cpuCores: 64,
        memoryGiB: 512,
        attachments: [{ fabricId: 'pcie-1', endpointId: 'ep-host-1' }],
        health: 'ok',
      },
    ],
    devices: [
      gpu(1),
      gpu(2),
      {
        id: 'nvme-local-1',
        kind: 'nvme',
        vendor: 'Samsung',
        model: 'PM1743',
        serial: 'N1',
        attributes: { capacityTB: 7.68, pcieGeneration: 5, pcieLanes: 4 },
        hostId: 'host-1',
        attachments: [],
        maxCompositions: 1,
        health: 'ok',
      },
    ],
    fabrics: [
      {
        id: 'pcie-1',
        kind: 'pcie',
        switches: [{ id: 'sw-1', ports: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }] }],
        endpoints: [
          { id: 'ep-host-1', role: 'initiator', entity: { type: 'host', id: 'host-1' } },
          { id: 'ep-gpu-1', role: 'target', entity: { type: 'device', id: 'gpu-1' } },
          { id: 'ep-gpu-2', role: 'target', entity: { type: 'device', id: 'gpu-2' } },
        ],
        links: [
          { a: { endpointId: 'ep-host-1' }, b: { switchId: 'sw-1', portId: 'p1' } },
          { a: { endpointId: 'ep-gpu-1' }, b: { switchId: 'sw-1', portId: 'p2' } },
          { a: { endpointId: 'ep-gpu-2' }, b: { switchId: 'sw-1', portId: 'p3' } },
        ],
      },
    ],
  };
}
