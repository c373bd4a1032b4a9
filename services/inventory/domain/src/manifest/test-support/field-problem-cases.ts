import { expect } from 'vitest';
import { removed } from './edit-document.js';
import { type Case } from './problem-case.js';

const idRule = 'must be an id: 1–200 characters of letters, digits and . _ : / -';

export const typeCases: Case[] = [
  {
    name: 'a list that is not a list',
    changes: [['racks[1].hosts', 'none']],
    problems: [{ message: 'must be a list' }],
  },
  {
    name: 'an item that is not a mapping',
    changes: [['racks[1]', 'ams1-r01']],
    problems: [{ message: 'must be a mapping of fields' }],
  },
  {
    name: 'a serial written as a number',
    changes: [['racks[0].hosts[1].serial', 41234567]],
    problems: [{ message: 'must be a string (quote it)' }],
  },
  {
    name: 'a memory size written as text',
    changes: [['racks[0].hosts[0].memoryGiB', '1 TiB']],
    problems: [{ message: 'must be a positive number' }],
  },
  {
    name: 'a blank name',
    changes: [['sites[1].name', '  ']],
    problems: [{ message: 'must not be empty' }],
  },
];

export const requiredCases: Case[] = [
  {
    name: 'a device without serial',
    changes: [['racks[0].enclosures[1].devices[0].serial', removed]],
    problems: [{ message: 'is required' }],
  },
  {
    name: 'a rack without name',
    changes: [['racks[1].name', removed]],
    problems: [{ message: 'is required' }],
  },
  {
    name: 'a document without apiVersion',
    changes: [['apiVersion', removed]],
    problems: [{ message: 'is required' }],
  },
  {
    name: 'a zone without endpoints',
    changes: [['fabrics[1].zones[0].endpoints', removed]],
    problems: [{ message: 'is required' }],
  },
  {
    name: 'a connection with no target',
    changes: [['fabrics[1].connections[0].targets', []]],
    problems: [{ message: 'must list at least one id' }],
  },
];

export const enumCases: Case[] = [
  {
    name: 'an unknown device kind',
    changes: [['racks[0].enclosures[1].devices[1].kind', 'tpu']],
    problems: [
      {
        message:
          'must be one of gpu, nvme, ssd, hdd, nic, dpu, fpga, cxl-memory, pmem, accelerator, not "tpu"',
      },
    ],
  },
  {
    name: 'an unknown health',
    changes: [['racks[0].hosts[1].health', 'degraded']],
    problems: [{ message: 'must be one of ok, warning, critical, not "degraded"' }],
  },
  {
    name: 'an unknown enclosure kind',
    changes: [['racks[0].enclosures[0].kind', 'blade']],
    problems: [
      { message: 'must be one of jbof, gpu-chassis, compute-sled, expansion-box, not "blade"' },
    ],
  },
  {
    name: 'an unknown fabric kind',
    changes: [['fabrics[0].kind', 'nvlink']],
    problems: [
      {
        message:
          'must be one of pcie, cxl, nvme-tcp, nvme-rdma, infiniband, ethernet, not "nvlink"',
      },
    ],
  },
  {
    name: 'another apiVersion',
    changes: [['apiVersion', 'tessera.inventory/v2']],
    problems: [{ message: 'must be "tessera.inventory/v1", not "tessera.inventory/v2"' }],
  },
  {
    name: 'another kind of document',
    changes: [['kind', 'Inventory']],
    problems: [{ message: 'must be "InventoryManifest", not "Inventory"' }],
  },
];

export const numberCases: Case[] = [
  {
    name: 'a negative capacity',
    changes: [['racks[0].enclosures[2].devices[0].capacityTB', -3.84]],
    problems: [{ message: 'must be a positive number' }],
  },
  {
    name: 'a zero port bandwidth',
    changes: [['fabrics[0].switches[0].ports[0].bandwidthGbps', 0]],
    problems: [{ message: 'must be a positive number' }],
  },
  {
    name: 'a fractional lane count',
    changes: [['racks[0].hosts[0].devices[0].pcieLanes', 8.5]],
    problems: [{ message: 'must be a positive integer' }],
  },
  {
    name: 'a negative NUMA node',
    changes: [['racks[0].hosts[0].devices[0].numaNode', -1]],
    problems: [{ message: 'must be an integer ≥ 0' }],
  },
  {
    name: 'PCIe generation 8',
    changes: [['racks[0].enclosures[1].devices[0].pcieGeneration', 8]],
    problems: [{ message: 'must be an integer from 1 to 7' }],
  },
  {
    name: 'PCIe generation 0',
    changes: [['racks[0].enclosures[1].devices[0].pcieGeneration', 0]],
    problems: [{ message: 'must be an integer from 1 to 7' }],
  },
  {
    name: 'maxCompositions 0',
    changes: [['racks[0].enclosures[2].devices[0].maxCompositions', 0]],
    problems: [{ message: 'must be a positive integer' }],
  },
  {
    name: 'zero CPU cores',
    changes: [['racks[0].hosts[0].cpuCores', 0]],
    problems: [{ message: 'must be a positive integer' }],
  },
];

export const idCases: Case[] = [
  {
    name: 'an id with a space',
    changes: [['racks[0].hosts[0].devices[0].id', 'nic 0']],
    problems: [{ message: idRule }],
  },
  {
    name: 'an id of 201 characters',
    changes: [['racks[0].hosts[0].devices[0].id', 'x'.repeat(201)]],
    problems: [{ message: idRule }],
  },
  {
    name: 'an id that is a number',
    changes: [['racks[0].hosts[0].devices[0].id', 7]],
    problems: [{ message: idRule }],
  },
  {
    name: 'a bad id and the reference to it, each once',
    changes: [
      ['sites[1].id', 'ams 1'],
      ['racks[1].site', 'ams 1'],
    ],
    problems: [{ message: idRule }, { path: 'racks[1].site', message: idRule }],
  },
];

export const unknownFieldCases: Case[] = [
  {
    name: 'a miscased attribute',
    changes: [['racks[0].enclosures[2].devices[0].capacityTb', 1]],
    problems: [{ message: 'unknown field "capacityTb" (did you mean "capacityTB"?)' }],
  },
  {
    name: 'a misspelt host field',
    changes: [['racks[0].hosts[0].cpuModle', 'EPYC 9654']],
    problems: [{ message: 'unknown field "cpuModle" (did you mean "cpuModel"?)' }],
  },
  {
    name: 'a singular list name',
    changes: [['fabrics[0].switches[0].partition', []]],
    problems: [{ message: 'unknown field "partition" (did you mean "partitions"?)' }],
  },
  {
    name: 'a field no part has',
    changes: [['racks[0].colour', 'red']],
    problems: [{ message: 'unknown field "colour"' }],
  },
  {
    name: 'an unknown top-level section',
    changes: [['metadata', {}]],
    problems: [{ message: 'unknown field "metadata"' }],
  },
];

export const labelCases: Case[] = [
  {
    name: 'a label value that is a number',
    changes: [['racks[0].hosts[0].labels.team', 7]],
    problems: [{ message: 'must be a string (quote it)' }],
  },
  {
    name: 'a label key the label rules refuse',
    changes: [['racks[0].hosts[0].labels["-team"]', 'render']],
    problems: [{ message: expect.stringContaining('a key is up to 63') }],
  },
  {
    name: 'labels written as a list',
    changes: [['racks[0].enclosures[1].labels', ['pool=gpu-a']]],
    problems: [{ message: 'must be a mapping of label names to strings' }],
  },
];
