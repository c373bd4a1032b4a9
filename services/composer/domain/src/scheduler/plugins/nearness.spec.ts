import { describe, expect, it } from 'vitest';
import { candidate, device } from '../test-support/pool.js';
import { nearnessPlugin } from './nearness.js';

describe('Nearness', () => {
  it('prefers fewer switches between host and device', () => {
    const scores = [[], ['sw1'], ['sw1', 'sw2', 'sw3']].map((path) =>
      nearnessPlugin.scoreDevice(candidate(device('g1'), path)),
    );
    expect(scores).toEqual([100, 50, 25]);
  });
});
