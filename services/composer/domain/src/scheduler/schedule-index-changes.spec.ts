import { describe, expect, it } from 'vitest';
import { type CandidateIndex } from './candidate-index.js';
import { defaultSchedulerConfig } from './registry.js';
import { preview } from './schedule.js';
import { device, route } from './test-support/pool.js';
import { smallLab } from './test-support/small-lab.js';

const oneBigGpu = {
  tenant: 'acme',
  host: { hostId: 'h1' },
  groups: [
    {
      name: 'gpu',
      kind: 'gpu',
      count: 1,
      selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 80 }],
    },
  ],
} as const;

function chosenAfter(change: (index: CandidateIndex) => void): readonly string[] | string {
  const index = smallLab();
  change(index);
  const outcome = preview(oneBigGpu, index, defaultSchedulerConfig);
  return outcome.outcome === 'scheduled' ? (outcome.groups[0]?.deviceIds ?? []) : outcome.outcome;
}

describe('decisions follow the index', () => {
  it('chooses g1 on the unchanged lab', () => {
    expect(chosenAfter(() => undefined)).toEqual(['g1']);
  });

  it('stops choosing a removed device', () => {
    expect(
      chosenAfter((index) => {
        index.removeDevice('g1');
      }),
    ).toEqual(['g2']);
  });

  it('stops choosing a device whose usage the ledger raised', () => {
    expect(
      chosenAfter((index) => {
        index.setAllocations('g1', 1);
      }),
    ).toEqual(['g2']);
  });

  it('stops choosing a device the inventory cordoned', () => {
    expect(
      chosenAfter((index) => {
        index.upsertDevice(device('g1', { lifecycle: 'cordoned' }));
      }),
    ).toEqual(['g2']);
  });

  it('follows new routes', () => {
    expect(
      chosenAfter((index) => {
        index.setRoutes('h1', [route('g4', ['sw7'])]);
      }),
    ).toEqual(['g4']);
    expect(
      chosenAfter((index) => {
        index.setRoutes('h1', []);
      }),
    ).toBe('unschedulable');
  });
});
