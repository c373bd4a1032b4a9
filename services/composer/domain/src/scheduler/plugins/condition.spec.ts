import { describe, expect, it } from 'vitest';
import { type Lifecycle } from '../candidate-index.js';
import { anyHostRequest, candidate, device, groupContext, host } from '../test-support/pool.js';
import { CandidateIndex } from '../candidate-index.js';
import { type DeviceFilterPlugin, type HostFilterPlugin } from '../framework.js';
import {
  deviceConditionPlugin as deviceCondition,
  hostConditionPlugin as hostCondition,
} from './condition.js';

/** Seen through the extension points, as the framework calls them. */
const deviceConditionPlugin: DeviceFilterPlugin = deviceCondition;
const hostConditionPlugin: HostFilterPlugin = hostCondition;

const lifecycles: Lifecycle[] = [
  'discovered',
  'available',
  'reserved',
  'attached',
  'cordoned',
  'failed',
  'missing',
  'retired',
];

describe('DeviceCondition', () => {
  const verdict = (overrides: Parameters<typeof device>[1]) =>
    deviceConditionPlugin.filterDevice(candidate(device('g1', overrides)), groupContext()).code;

  it('keeps available, reserved and attached devices, whose sharing the ledger decides', () => {
    const kept = lifecycles.filter((lifecycle) => verdict({ lifecycle }) === 'success');
    expect(kept).toEqual(['available', 'reserved', 'attached']);
  });

  it('never takes a critical or unschedulable device; a warning is fine', () => {
    expect(verdict({ health: 'critical' })).toBe('unschedulable');
    expect(verdict({ schedulable: false })).toBe('unschedulable');
    expect(verdict({ health: 'warning' })).toBe('success');
  });
});

describe('HostCondition', () => {
  const cycle = { request: anyHostRequest, index: new CandidateIndex() };

  it('refuses cordoned, critical and unschedulable hosts, saying why', () => {
    expect(hostConditionPlugin.filterHost(host('h1'), cycle).code).toBe('success');
    expect(hostConditionPlugin.filterHost(host('h1', { lifecycle: 'cordoned' }), cycle)).toEqual({
      code: 'unschedulable',
      reason: 'lifecycle is cordoned',
    });
    expect(hostConditionPlugin.filterHost(host('h1', { health: 'critical' }), cycle).code).toBe(
      'unschedulable',
    );
    expect(hostConditionPlugin.filterHost(host('h1', { schedulable: false }), cycle).code).toBe(
      'unschedulable',
    );
  });
});
