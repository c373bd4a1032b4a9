import { type InventoryManifest } from '../manifest-document.js';

/**
 * A small valid manifest that uses every part of the format: two sites, a host in a compute
 * sled, local and pooled devices, a partitioned PCIe switch, a zoned NVMe/TCP fabric with a
 * connection. `exampleSnapshot` (example-snapshot.ts) is what it declares.
 */
export function exampleManifest(): InventoryManifest {
  return structuredClone(example);
}

const example: InventoryManifest = {
  apiVersion: 'tessera.inventory/v1',
  kind: 'InventoryManifest',
  sites: [
    { id: 'fra1', name: 'Frankfurt 1' },
    { id: 'ams1', name: 'Amsterdam 1' },
  ],
  racks: [
    {
      id: 'fra1-r01',
      site: 'fra1',
      name: 'Row A, rack 1',
      hosts: [
        {
          id: 'fra1-r01-h01',
          vendor: 'Dell',
          model: 'PowerEdge R760',
          serial: '7XK2M93',
          cpuModel: 'Intel Xeon Platinum 8480+',
          cpuCores: 112,
          memoryGiB: 1024,
          labels: { team: 'render' },
          endpoints: [
            { fabric: 'fra1-r01-pcie', id: 'fra1-r01-h01.pcie' },
            { fabric: 'fra1-nvme', id: 'fra1-r01-h01.nvme' },
          ],
          devices: [
            {
              id: 'fra1-r01-h01-nic0',
              kind: 'nic',
              vendor: 'NVIDIA',
              model: 'ConnectX-7',
              serial: 'MT2319X01234',
              bandwidthGbps: 400,
              pcieGeneration: 5,
              pcieLanes: 16,
              numaNode: 0,
            },
          ],
        },
        {
          id: 'fra1-r01-h02',
          name: 'render-02',
          enclosure: 'fra1-r01-sled1',
          vendor: 'Supermicro',
          model: 'SYS-221BT-HNR',
          serial: 'S41234567',
          health: 'warning',
          endpoints: [{ fabric: 'fra1-nvme', id: 'fra1-r01-h02.nvme' }],
        },
      ],
      enclosures: [
        {
          id: 'fra1-r01-sled1',
          kind: 'compute-sled',
          vendor: 'Supermicro',
          model: 'BigTwin',
          serial: 'BT-0042',
        },
        {
          id: 'fra1-r01-gpu1',
          kind: 'gpu-chassis',
          vendor: 'Liqid',
          model: 'EX-4410',
          serial: 'LQ4410-00172',
          labels: { pool: 'gpu-a' },
          devices: [
            {
              id: 'fra1-r01-gpu1-s1',
              kind: 'gpu',
              vendor: 'NVIDIA',
              model: 'H100 PCIe',
              serial: '1654023011234',
              firmware: '96.00.99.00.01',
              memoryGiB: 80,
              pcieGeneration: 5,
              pcieLanes: 16,
              endpoints: [{ fabric: 'fra1-r01-pcie', id: 'fra1-r01-gpu1-s1.pcie' }],
            },
            {
              id: 'fra1-r01-gpu1-s2',
              kind: 'gpu',
              vendor: 'AMD',
              model: 'Instinct MI300X',
              serial: 'AMD300X-7781',
              memoryGiB: 192,
              endpoints: [{ fabric: 'fra1-r01-pcie', id: 'fra1-r01-gpu1-s2.pcie' }],
            },
          ],
        },
        {
          id: 'fra1-r01-jbof1',
          kind: 'jbof',
          vendor: 'Western Digital',
          model: 'OpenFlex Data24',
          serial: 'WD24-8811',
          devices: [
            {
              id: 'fra1-r01-jbof1-d01',
              kind: 'nvme',
              vendor: 'Samsung',
              model: 'PM1743',
              serial: 'S6CRNA0W100231',
              capacityTB: 15.36,
              maxCompositions: 2,
              health: 'warning',
              endpoints: [{ fabric: 'fra1-nvme', id: 'fra1-r01-jbof1-d01.nvme' }],
            },
          ],
        },
      ],
    },
    { id: 'ams1-r01', site: 'ams1', name: 'Hall 2, rack 1' },
  ],
  fabrics: [
    {
      id: 'fra1-r01-pcie',
      kind: 'pcie',
      switches: [
        {
          id: 'fra1-r01-pcie-sw1',
          vendor: 'Broadcom',
          model: 'PEX89144',
          ports: [{ id: 'p1', bandwidthGbps: 512 }, { id: 'p2', bandwidthGbps: 512 }, { id: 'p3' }],
          partitions: [
            { id: 'vs1', ports: ['p1', 'p2'] },
            { id: 'vs2', ports: ['p3'] },
          ],
        },
      ],
      links: [
        { from: 'ep:fra1-r01-h01.pcie', to: 'fra1-r01-pcie-sw1/p1' },
        { from: 'fra1-r01-pcie-sw1/p2', to: 'ep:fra1-r01-gpu1-s1.pcie' },
        { from: 'fra1-r01-pcie-sw1/p3', to: 'ep:fra1-r01-gpu1-s2.pcie' },
      ],
    },
    {
      id: 'fra1-nvme',
      kind: 'nvme-tcp',
      switches: [{ id: 'fra1-r01-leaf', ports: [{ id: 'et1' }, { id: 'et2' }, { id: 'et3' }] }],
      links: [
        { from: 'ep:fra1-r01-h01.nvme', to: 'fra1-r01-leaf/et1' },
        { from: 'ep:fra1-r01-h02.nvme', to: 'fra1-r01-leaf/et2' },
        { from: 'ep:fra1-r01-jbof1-d01.nvme', to: 'fra1-r01-leaf/et3' },
      ],
      zones: [{ id: 'fra1-pod1', endpoints: ['fra1-r01-h01.nvme', 'fra1-r01-jbof1-d01.nvme'] }],
      connections: [
        {
          id: 'fra1-backup',
          initiators: ['fra1-r01-h02.nvme'],
          targets: ['fra1-r01-jbof1-d01.nvme'],
        },
      ],
    },
  ],
};
