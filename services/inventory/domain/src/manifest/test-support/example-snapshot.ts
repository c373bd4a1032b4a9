import { type InventorySnapshot } from '@tessera/hardware';

/** What `exampleManifest()` declares, written out by hand. */
export const exampleSnapshot: InventorySnapshot = {
  sites: [
    { id: 'fra1', name: 'Frankfurt 1' },
    { id: 'ams1', name: 'Amsterdam 1' },
  ],
  racks: [
    { id: 'fra1-r01', siteId: 'fra1', name: 'Row A, rack 1' },
    { id: 'ams1-r01', siteId: 'ams1', name: 'Hall 2, rack 1' },
  ],
  enclosures: [
    {
      id: 'fra1-r01-sled1',
      kind: 'compute-sled',
      rackId: 'fra1-r01',
      vendor: 'Supermicro',
      model: 'BigTwin',
      serial: 'BT-0042',
    },
    {
      id: 'fra1-r01-gpu1',
      kind: 'gpu-chassis',
      rackId: 'fra1-r01',
      vendor: 'Liqid',
      model: 'EX-4410',
      serial: 'LQ4410-00172',
      labels: { pool: 'gpu-a' },
    },
    {
      id: 'fra1-r01-jbof1',
      kind: 'jbof',
      rackId: 'fra1-r01',
      vendor: 'Western Digital',
      model: 'OpenFlex Data24',
      serial: 'WD24-8811',
    },
  ],
  hosts: [
    {
      id: 'fra1-r01-h01',
      name: 'fra1-r01-h01',
      rackId: 'fra1-r01',
      vendor: 'Dell',
      model: 'PowerEdge R760',
      serial: '7XK2M93',
      cpuModel: 'Intel Xeon Platinum 8480+',
      cpuCores: 112,
      memoryGiB: 1024,
      attachments: [
        { fabricId: 'fra1-r01-pcie', endpointId: 'fra1-r01-h01.pcie' },
        { fabricId: 'fra1-nvme', endpointId: 'fra1-r01-h01.nvme' },
      ],
      labels: { team: 'render' },
    },
    {
      id: 'fra1-r01-h02',
      name: 'render-02',
      rackId: 'fra1-r01',
      enclosureId: 'fra1-r01-sled1',
      vendor: 'Supermicro',
      model: 'SYS-221BT-HNR',
      serial: 'S41234567',
      attachments: [{ fabricId: 'fra1-nvme', endpointId: 'fra1-r01-h02.nvme' }],
      health: 'warning',
    },
  ],
  devices: [
    {
      id: 'fra1-r01-h01-nic0',
      kind: 'nic',
      vendor: 'NVIDIA',
      model: 'ConnectX-7',
      serial: 'MT2319X01234',
      attributes: { bandwidthGbps: 400, pcieGeneration: 5, pcieLanes: 16, numaNode: 0 },
      hostId: 'fra1-r01-h01',
      attachments: [],
      maxCompositions: 1,
    },
    {
      id: 'fra1-r01-gpu1-s1',
      kind: 'gpu',
      vendor: 'NVIDIA',
      model: 'H100 PCIe',
      serial: '1654023011234',
      firmware: '96.00.99.00.01',
      attributes: { memoryGiB: 80, pcieGeneration: 5, pcieLanes: 16 },
      enclosureId: 'fra1-r01-gpu1',
      attachments: [{ fabricId: 'fra1-r01-pcie', endpointId: 'fra1-r01-gpu1-s1.pcie' }],
      maxCompositions: 1,
    },
    {
      id: 'fra1-r01-gpu1-s2',
      kind: 'gpu',
      vendor: 'AMD',
      model: 'Instinct MI300X',
      serial: 'AMD300X-7781',
      attributes: { memoryGiB: 192 },
      enclosureId: 'fra1-r01-gpu1',
      attachments: [{ fabricId: 'fra1-r01-pcie', endpointId: 'fra1-r01-gpu1-s2.pcie' }],
      maxCompositions: 1,
    },
    {
      id: 'fra1-r01-jbof1-d01',
      kind: 'nvme',
      vendor: 'Samsung',
      model: 'PM1743',
      serial: 'S6CRNA0W100231',
      attributes: { capacityTB: 15.36 },
      enclosureId: 'fra1-r01-jbof1',
      attachments: [{ fabricId: 'fra1-nvme', endpointId: 'fra1-r01-jbof1-d01.nvme' }],
      maxCompositions: 2,
      health: 'warning',
    },
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
            { id: 'vs1', portIds: ['p1', 'p2'] },
            { id: 'vs2', portIds: ['p3'] },
          ],
        },
      ],
      endpoints: [
        {
          id: 'fra1-r01-h01.pcie',
          role: 'initiator',
          entity: { type: 'host', id: 'fra1-r01-h01' },
        },
        {
          id: 'fra1-r01-gpu1-s1.pcie',
          role: 'target',
          entity: { type: 'device', id: 'fra1-r01-gpu1-s1' },
        },
        {
          id: 'fra1-r01-gpu1-s2.pcie',
          role: 'target',
          entity: { type: 'device', id: 'fra1-r01-gpu1-s2' },
        },
      ],
      links: [
        {
          a: { endpointId: 'fra1-r01-h01.pcie' },
          b: { switchId: 'fra1-r01-pcie-sw1', portId: 'p1' },
        },
        {
          a: { switchId: 'fra1-r01-pcie-sw1', portId: 'p2' },
          b: { endpointId: 'fra1-r01-gpu1-s1.pcie' },
        },
        {
          a: { switchId: 'fra1-r01-pcie-sw1', portId: 'p3' },
          b: { endpointId: 'fra1-r01-gpu1-s2.pcie' },
        },
      ],
    },
    {
      id: 'fra1-nvme',
      kind: 'nvme-tcp',
      switches: [{ id: 'fra1-r01-leaf', ports: [{ id: 'et1' }, { id: 'et2' }, { id: 'et3' }] }],
      endpoints: [
        {
          id: 'fra1-r01-h01.nvme',
          role: 'initiator',
          entity: { type: 'host', id: 'fra1-r01-h01' },
        },
        {
          id: 'fra1-r01-h02.nvme',
          role: 'initiator',
          entity: { type: 'host', id: 'fra1-r01-h02' },
        },
        {
          id: 'fra1-r01-jbof1-d01.nvme',
          role: 'target',
          entity: { type: 'device', id: 'fra1-r01-jbof1-d01' },
        },
      ],
      links: [
        { a: { endpointId: 'fra1-r01-h01.nvme' }, b: { switchId: 'fra1-r01-leaf', portId: 'et1' } },
        { a: { endpointId: 'fra1-r01-h02.nvme' }, b: { switchId: 'fra1-r01-leaf', portId: 'et2' } },
        {
          a: { endpointId: 'fra1-r01-jbof1-d01.nvme' },
          b: { switchId: 'fra1-r01-leaf', portId: 'et3' },
        },
      ],
      zones: [{ id: 'fra1-pod1', endpointIds: ['fra1-r01-h01.nvme', 'fra1-r01-jbof1-d01.nvme'] }],
      connections: [
        {
          id: 'fra1-backup',
          initiatorEndpointIds: ['fra1-r01-h02.nvme'],
          targetEndpointIds: ['fra1-r01-jbof1-d01.nvme'],
        },
      ],
    },
  ],
};
