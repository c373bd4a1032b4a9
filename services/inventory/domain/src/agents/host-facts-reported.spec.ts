import { describe, expect, it } from 'vitest';
import {
  type HostFactsReported,
  hostFactsProblems,
  snapshotOfHostFacts,
} from './host-facts-reported.js';

const report: HostFactsReported = {
  hostId: 'host-7',
  hostname: 'render-07',
  vendor: 'Supermicro',
  model: 'SYS-221H',
  serial: 'SM7',
  cpuCores: 96,
  health: 'ok',
  devices: [
    {
      localId: '0000:41:00.0',
      kind: 'nvme',
      vendor: 'Micron',
      model: '7450',
      serial: 'M1',
      attributes: { capacityTB: 3.84 },
      health: 'ok',
    },
  ],
  observedAt: '2026-11-23T08:00:00Z',
};

describe('a host agent report', () => {
  it('declares the host and its local devices, ids namespaced by the host', () => {
    const snapshot = snapshotOfHostFacts(report);
    expect(snapshot.hosts).toMatchObject([
      { id: 'host-7', name: 'render-07', cpuCores: 96, attachments: [] },
    ]);
    expect(snapshot.devices).toEqual([
      {
        id: 'host-7:0000:41:00.0',
        kind: 'nvme',
        vendor: 'Micron',
        model: '7450',
        serial: 'M1',
        attributes: { capacityTB: 3.84 },
        hostId: 'host-7',
        attachments: [],
        maxCompositions: 1,
        health: 'ok',
      },
    ]);
  });

  it('lists every problem of a bad report, naming the field', () => {
    const bad = {
      ...report,
      hostname: '',
      devices: [
        {
          localId: 'a',
          kind: 'gpus',
          vendor: 'X',
          model: 'Y',
          serial: 'Z',
          attributes: { memoryGB: 1, capacityTB: -1 },
        },
        { localId: 'a', kind: 'gpu', vendor: 'X', model: 'Y', serial: 'Z' },
      ],
    } as unknown as HostFactsReported;
    expect(hostFactsProblems(bad)).toEqual([
      'hostname: must be a non-empty string',
      'devices[0].kind: must be one of gpu, nvme, ssd, hdd, nic, dpu, fpga, cxl-memory, pmem, accelerator',
      'devices[0].attributes.memoryGB: unknown attribute',
      'devices[0].attributes.capacityTB: must be a non-negative number',
      'devices[1].localId: "a" is reported twice',
    ]);
  });
});
