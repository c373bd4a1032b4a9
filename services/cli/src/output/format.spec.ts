import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describeComposition, describeResource } from './describe.js';
import { renderItem, renderItems } from './format.js';
import { resourceView } from './resource-views.js';

const now = Date.parse('2030-01-01T12:00:00Z');
const composition = {
  id: 'c-1',
  tenant: 'finance',
  spec: { name: 'render-01', tenant: 'finance', groups: [{ name: 'gpus', kind: 'gpu', count: 2 }] },
  status: {
    phase: 'Ready',
    reason: '',
    conditions: [
      { type: 'Scheduled', status: 'True', reason: 'HostChosen', message: 'on host h-7' },
      { type: 'Ready', status: 'True', reason: 'Ready', message: '' },
    ],
    hostId: 'h-7',
    devices: [
      { group: 'gpus', deviceIds: ['gpu-1', 'gpu-2'] },
      { group: 'disks', deviceIds: ['nvme-1', 'nvme-2', 'nvme-3', 'nvme-4'] },
    ],
  },
  createdAt: '2030-01-01T11:55:00.123Z',
  updatedAt: '2030-01-01T11:56:00Z',
  version: 4,
};
const view = resourceView('compositions', () => now);

describe('output formats', () => {
  it('table: the columns people scan, with counted devices and an age', () => {
    expect(renderItems('table', view, [composition])).toBe(
      'ID   NAME       TENANT   PHASE  HOST  DEVICES              AGE\n' +
        'c-1  render-01  finance  Ready  h-7   6 (gpus:2, disks:4)  4m\n',
    );
  });

  it('json: a list is an array of the items, whatever the paging', () => {
    expect(JSON.parse(renderItems('json', view, [composition, composition]))).toEqual([
      composition,
      composition,
    ]);
    expect(JSON.parse(renderItem('json', view, composition))).toEqual(composition);
  });

  it('yaml: the same document', () => {
    expect(parse(renderItem('yaml', view, composition))).toEqual(composition);
    expect(parse(renderItems('yaml', view, []))).toEqual([]);
  });

  it('name: one id a line, for piping', () => {
    expect(renderItems('name', view, [composition, { ...composition, id: 'c-2' }])).toBe(
      'c-1\nc-2\n',
    );
  });

  it('table: an empty list prints nothing (the command says so on stderr)', () => {
    expect(renderItems('table', view, [])).toBe('');
  });
});

describe('describe composition', () => {
  const text = describeComposition(composition);

  it('shows phase, host and version as fields', () => {
    expect(text).toMatch(/^Phase:\s+Ready$/m);
    expect(text).toMatch(/^Host:\s+h-7$/m);
    expect(text).toMatch(/^Version:\s+4$/m);
    expect(text).toMatch(/^Created:\s+2030-01-01T11:55:00Z$/m);
  });

  it('shows the conditions and the devices per group as tables', () => {
    expect(text).toContain(
      'Conditions:\n  TYPE       STATUS  REASON      MESSAGE\n  Scheduled  True    HostChosen  on host h-7\n',
    );
    expect(text).toContain('Devices:\n  GROUP  COUNT  DEVICES\n  gpus   2      gpu-1, gpu-2\n');
  });

  it('says <none> for a composition without a host yet', () => {
    const pending = describeComposition({
      ...composition,
      status: { phase: 'Requested', devices: [] },
    });
    expect(pending).toMatch(/^Host:\s+<none>$/m);
    expect(pending).toContain('Devices:  <none>');
  });
});

describe('describe a hardware item', () => {
  const device = {
    id: 'gpu-17',
    kind: 'device',
    labels: { tier: 'gold' },
    spec: { kind: 'gpu', vendor: 'NVIDIA', model: 'H100', attributes: { memoryGib: 80 } },
    status: {
      phase: 'Cordoned',
      health: 'ok',
      schedulable: false,
      cordonReason: 'RMA 4711',
      conditions: [
        { type: 'Schedulable', status: 'False', reason: 'Cordoned', message: 'RMA 4711' },
      ],
    },
    source: { kind: 'manifest', id: 'rack-12' },
    updatedAt: '2030-01-01T11:00:00.250Z',
    version: 7,
  };
  const text = describeResource('devices', device);

  it('leads with where it stands: kind, phase, health, why it is cordoned', () => {
    expect(text).toMatch(/^Kind:\s+device \(gpu\)$/m);
    expect(text).toMatch(/^Phase:\s+Cordoned$/m);
    expect(text).toMatch(/^Schedulable:\s+false$/m);
    expect(text).toMatch(/^Cordoned:\s+RMA 4711$/m);
    expect(text).toMatch(/^Source:\s+manifest:rack-12$/m);
  });

  it('then its labels, conditions and spec', () => {
    expect(text).toContain('Labels:\n  tier=gold\n');
    expect(text).toContain('Conditions:\n  TYPE         STATUS  REASON    MESSAGE\n');
    expect(text).toContain('Spec:\n  kind: gpu\n');
    expect(text).toContain('    memoryGib: 80\n');
  });
});
