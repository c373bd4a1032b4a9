import { describe, expect, it } from 'vitest';
import { candidate, device, groupContext } from '../test-support/pool.js';
import { deviceCapacityPlugin } from './device-capacity.js';

const sharable = device('g1', { maxCompositions: 4 });
const verdict = (allocations: number, allowShared: boolean, record = sharable) =>
  deviceCapacityPlugin.filterDevice(
    candidate(record, ['sw1'], allocations),
    groupContext({ constraints: { allowShared } }),
  ).code;

describe('DeviceCapacity', () => {
  it('always accepts a device nobody holds', () => {
    expect(verdict(0, false)).toBe('success');
  });

  it('accepts a used sharable device only when sharing is allowed and room is left', () => {
    expect(verdict(2, false)).toBe('unschedulable');
    expect(verdict(3, true)).toBe('success');
    expect(verdict(4, true)).toBe('unschedulable');
  });

  it('never shares an exclusive device', () => {
    expect(verdict(1, true, device('g2'))).toBe('unschedulable');
  });
});
