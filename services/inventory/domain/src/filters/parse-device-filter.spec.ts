import { describe, expect, it } from 'vitest';
import { parseDeviceFilter } from './parse-device-filter.js';

describe('device filter expressions', () => {
  it('reads kinds, comparisons, labels, alternatives and single-valued criteria', () => {
    expect(
      parseDeviceFilter(
        'kind=gpu|fpga, memoryGiB>=80 and pcieLanes = 16, label.tier=gold, health=ok|warning, reachableFrom=host-7',
      ),
    ).toEqual({
      ok: true,
      filter: {
        kinds: ['gpu', 'fpga'],
        health: ['ok', 'warning'],
        attributes: [
          { attribute: 'memoryGiB', operator: '>=', value: 80 },
          { attribute: 'pcieLanes', operator: '=', value: 16 },
        ],
        labels: { tier: 'gold' },
        reachableFromHostId: 'host-7',
      },
    });
    expect(parseDeviceFilter('')).toEqual({ ok: true, filter: {} });
  });

  it('reports every bad clause, naming it', () => {
    const result = parseDeviceFilter('kind=gpus, memoryGB>8, capacityTB>=lots, health>ok, oops');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { field: 'filter[2]', message: 'capacityTB: "lots" is not a number' },
      { field: 'filter[3]', message: 'health takes "=" only' },
      { field: 'filter[4]', message: '"oops" is not "name op value"' },
      {
        field: 'kinds[0]',
        message:
          '"gpus" is not one of gpu, nvme, ssd, hdd, nic, dpu, fpga, cxl-memory, pmem, accelerator',
      },
      {
        field: 'attributes[0].attribute',
        message:
          '"memoryGB" is not one of memoryGiB, capacityTB, pcieGeneration, pcieLanes, bandwidthGbps, numaNode',
      },
      { field: 'attributes[1].value', message: 'must be a finite number' },
    ]);
  });
});
