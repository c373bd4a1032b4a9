import { type Case } from './problem-case.js';

export const duplicateCases: Case[] = [
  {
    name: 'two sites with one id',
    changes: [
      ['sites[1].id', 'fra1'],
      ['racks[1].site', 'fra1'],
    ],
    problems: [{ message: 'duplicate site id "fra1" (first declared at sites[0].id)' }],
  },
  {
    name: 'two racks with one id',
    changes: [['racks[1].id', 'fra1-r01']],
    problems: [{ message: 'duplicate rack id "fra1-r01" (first declared at racks[0].id)' }],
  },
  {
    name: 'two enclosures with one id',
    changes: [['racks[0].enclosures[2].id', 'fra1-r01-gpu1']],
    problems: [
      {
        message:
          'duplicate enclosure id "fra1-r01-gpu1" (first declared at racks[0].enclosures[1].id)',
      },
    ],
  },
  {
    name: 'two hosts with one id',
    changes: [['racks[0].hosts[1].id', 'fra1-r01-h01']],
    problems: [
      { message: 'duplicate host id "fra1-r01-h01" (first declared at racks[0].hosts[0].id)' },
    ],
  },
  {
    name: 'a pooled device with the id of a host-local one',
    changes: [['racks[0].enclosures[1].devices[0].id', 'fra1-r01-h01-nic0']],
    problems: [
      {
        message:
          'duplicate device id "fra1-r01-h01-nic0" (first declared at racks[0].hosts[0].devices[0].id)',
      },
    ],
  },
  {
    name: 'two fabrics with one id',
    changes: [['fabrics[2]', { id: 'fra1-nvme', kind: 'ethernet' }]],
    problems: [
      {
        path: 'fabrics[2].id',
        message: 'duplicate fabric id "fra1-nvme" (first declared at fabrics[1].id)',
      },
    ],
  },
  {
    name: 'two switches of a fabric with one id',
    changes: [['fabrics[1].switches[1]', { id: 'fra1-r01-leaf', ports: [] }]],
    problems: [
      {
        path: 'fabrics[1].switches[1].id',
        message:
          'duplicate switch id "fra1-r01-leaf" (first declared at fabrics[1].switches[0].id)',
      },
    ],
  },
  {
    name: 'two ports of a switch with one id',
    changes: [['fabrics[1].switches[0].ports[3]', { id: 'et2' }]],
    problems: [
      {
        path: 'fabrics[1].switches[0].ports[3].id',
        message: 'duplicate port id "et2" (first declared at fabrics[1].switches[0].ports[1].id)',
      },
    ],
  },
  {
    name: 'two partitions of a switch with one id',
    changes: [['fabrics[0].switches[0].partitions[1].id', 'vs1']],
    problems: [
      {
        message:
          'duplicate partition id "vs1" (first declared at fabrics[0].switches[0].partitions[0].id)',
      },
    ],
  },
  {
    name: 'an endpoint id shared by a host and a device',
    changes: [
      [
        'racks[0].enclosures[2].devices[0].endpoints[1]',
        { fabric: 'fra1-nvme', id: 'fra1-r01-h01.nvme' },
      ],
    ],
    problems: [
      {
        path: 'racks[0].enclosures[2].devices[0].endpoints[1].id',
        message:
          'endpoint "fra1-r01-h01.nvme" is declared by host "fra1-r01-h01" at racks[0].hosts[0].endpoints[1].id and by device "fra1-r01-jbof1-d01"; only devices can share an endpoint',
      },
    ],
  },
  {
    name: 'an endpoint id declared by a host before a device',
    changes: [
      ['racks[0].hosts[1].endpoints[1]', { fabric: 'fra1-r01-pcie', id: 'fra1-r01-gpu1-s2.pcie' }],
    ],
    problems: [
      {
        path: 'racks[0].enclosures[1].devices[1].endpoints[0].id',
        message:
          'endpoint "fra1-r01-gpu1-s2.pcie" is declared by host "fra1-r01-h02" at racks[0].hosts[1].endpoints[1].id and by device "fra1-r01-gpu1-s2"; only devices can share an endpoint',
      },
    ],
  },
  {
    name: 'an endpoint id shared by two hosts',
    changes: [['racks[0].hosts[1].endpoints[1]', { fabric: 'fra1-nvme', id: 'fra1-r01-h01.nvme' }]],
    problems: [
      {
        path: 'racks[0].hosts[1].endpoints[1].id',
        message:
          'endpoint "fra1-r01-h01.nvme" is declared by host "fra1-r01-h01" at racks[0].hosts[0].endpoints[1].id and by host "fra1-r01-h02"; only devices can share an endpoint',
      },
    ],
  },
  {
    name: 'one device declaring an endpoint twice',
    changes: [
      [
        'racks[0].enclosures[2].devices[0].endpoints[1]',
        { fabric: 'fra1-nvme', id: 'fra1-r01-jbof1-d01.nvme' },
      ],
    ],
    problems: [
      {
        path: 'racks[0].enclosures[2].devices[0].endpoints[1].id',
        message:
          'duplicate endpoint id "fra1-r01-jbof1-d01.nvme" (first declared at racks[0].enclosures[2].devices[0].endpoints[0].id)',
      },
    ],
  },
  {
    name: 'two zones of a fabric with one id',
    changes: [['fabrics[1].zones[1]', { id: 'fra1-pod1', endpoints: [] }]],
    problems: [
      {
        path: 'fabrics[1].zones[1].id',
        message: 'duplicate zone id "fra1-pod1" (first declared at fabrics[1].zones[0].id)',
      },
    ],
  },
  {
    name: 'two connections of a fabric with one id',
    changes: [
      [
        'fabrics[1].connections[1]',
        {
          id: 'fra1-backup',
          initiators: ['fra1-r01-h01.nvme'],
          targets: ['fra1-r01-jbof1-d01.nvme'],
        },
      ],
    ],
    problems: [
      {
        path: 'fabrics[1].connections[1].id',
        message:
          'duplicate connection id "fra1-backup" (first declared at fabrics[1].connections[0].id)',
      },
    ],
  },
];

const otherSled = {
  id: 'ams1-r01-sled1',
  kind: 'compute-sled',
  vendor: 'Supermicro',
  model: 'BigTwin',
  serial: 'BT-0077',
};

export const referenceCases: Case[] = [
  {
    name: 'a rack in an undeclared site',
    changes: [['racks[1].site', 'lon1']],
    problems: [{ message: 'no site "lon1" is declared' }],
  },
  {
    name: 'a host in an undeclared enclosure',
    changes: [['racks[0].hosts[1].enclosure', 'fra1-r01-sled9']],
    problems: [{ message: 'no enclosure "fra1-r01-sled9" is declared' }],
  },
  {
    name: 'a host in an enclosure of another rack',
    changes: [
      ['racks[0].hosts[1].enclosure', 'ams1-r01-sled1'],
      ['racks[1].enclosures', [otherSled]],
    ],
    problems: [
      { message: 'enclosure "ams1-r01-sled1" is in rack "ams1-r01", not in this host\'s rack' },
    ],
  },
  {
    name: 'an endpoint on an undeclared fabric',
    changes: [['racks[0].hosts[0].endpoints[2]', { fabric: 'fra1-cxl', id: 'fra1-r01-h01.cxl' }]],
    problems: [
      {
        path: 'racks[0].hosts[0].endpoints[2].fabric',
        message: 'no fabric "fra1-cxl" is declared',
      },
    ],
  },
  {
    name: 'a link to an undeclared switch',
    changes: [['fabrics[0].links[0].to', 'sw9/p1']],
    problems: [{ message: 'no switch "sw9" on fabric "fra1-r01-pcie"' }],
  },
  {
    name: 'a link to a port the switch lacks',
    changes: [['fabrics[0].links[0].to', 'fra1-r01-pcie-sw1/p9']],
    problems: [{ message: 'switch "fra1-r01-pcie-sw1" has no port "p9"' }],
  },
  {
    name: 'a link to an undeclared endpoint',
    changes: [['fabrics[0].links[1].to', 'ep:fra1-r01-gpu1-s9.pcie']],
    problems: [{ message: 'no endpoint "fra1-r01-gpu1-s9.pcie" on fabric "fra1-r01-pcie"' }],
  },
  {
    name: 'a link to an endpoint of another fabric',
    changes: [['fabrics[0].links[1].to', 'ep:fra1-r01-jbof1-d01.nvme']],
    problems: [{ message: 'no endpoint "fra1-r01-jbof1-d01.nvme" on fabric "fra1-r01-pcie"' }],
  },
  {
    name: 'a link end in neither notation',
    changes: [['fabrics[0].links[0].to', 'p1']],
    problems: [{ message: 'must be <switch>/<port> or ep:<endpoint>, not "p1"' }],
  },
  {
    name: 'a link from an end to itself',
    changes: [['fabrics[0].links[0].to', 'ep:fra1-r01-h01.pcie']],
    problems: [{ path: 'fabrics[0].links[0]', message: 'a link must join two different ends' }],
  },
  {
    name: 'a zone naming an undeclared endpoint',
    changes: [['fabrics[1].zones[0].endpoints[1]', 'fra1-r01-jbof1-d09.nvme']],
    problems: [{ message: 'no endpoint "fra1-r01-jbof1-d09.nvme" on fabric "fra1-nvme"' }],
  },
  {
    name: 'a connection naming an undeclared target',
    changes: [['fabrics[1].connections[0].targets[0]', 'fra1-r01-jbof1-d09.nvme']],
    problems: [{ message: 'no endpoint "fra1-r01-jbof1-d09.nvme" on fabric "fra1-nvme"' }],
  },
  {
    name: 'a device endpoint used as initiator',
    changes: [['fabrics[1].connections[0].initiators[0]', 'fra1-r01-jbof1-d01.nvme']],
    problems: [
      {
        message:
          'endpoint "fra1-r01-jbof1-d01.nvme" belongs to device "fra1-r01-jbof1-d01"; initiators are host endpoints',
      },
    ],
  },
  {
    name: 'a host endpoint used as target',
    changes: [['fabrics[1].connections[0].targets[0]', 'fra1-r01-h01.nvme']],
    problems: [
      {
        message:
          'endpoint "fra1-r01-h01.nvme" belongs to host "fra1-r01-h01"; targets are device endpoints',
      },
    ],
  },
  {
    name: 'a partition naming a port the switch lacks',
    changes: [['fabrics[0].switches[0].partitions[1].ports[0]', 'p7']],
    problems: [{ message: 'switch "fra1-r01-pcie-sw1" has no port "p7"' }],
  },
  {
    name: 'a port in two partitions',
    changes: [['fabrics[0].switches[0].partitions[1].ports[1]', 'p1']],
    problems: [{ message: 'port "p1" is already in partition "vs1"' }],
  },
];
