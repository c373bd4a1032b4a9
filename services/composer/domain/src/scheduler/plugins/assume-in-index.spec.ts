import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../candidate-index.js';
import { anyHostRequest, device } from '../test-support/pool.js';
import { assumeInIndexPlugin } from './assume-in-index.js';

describe('AssumeInIndex', () => {
  const decision = {
    hostId: 'h1',
    groups: [{ name: 'gpus', alternative: null, deviceIds: ['g1', 'g2'] }],
  };

  it('counts the chosen devices as held until unreserved', () => {
    const index = new CandidateIndex();
    index.upsertDevice(device('g1'));
    index.upsertDevice(device('g2'));
    index.setAllocations('g2', 1);
    const cycle = { request: anyHostRequest, index };

    expect(assumeInIndexPlugin.reserve(decision, cycle).code).toBe('success');
    expect([index.allocationsOf('g1'), index.allocationsOf('g2')]).toEqual([1, 2]);

    assumeInIndexPlugin.unreserve(decision, cycle);
    expect([index.allocationsOf('g1'), index.allocationsOf('g2')]).toEqual([0, 1]);
  });
});
