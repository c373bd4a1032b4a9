import { describe, expect, it } from 'vitest';
import { type DeviceDemand } from '../scheduling-request.js';
import { candidate, device, groupContext } from '../test-support/pool.js';
import { deviceSelectorPlugin } from './device-selector.js';

const h100 = device('g1', { labels: { pool: 'render' } });
const verdict = (demand: Partial<DeviceDemand>, record = h100) =>
  deviceSelectorPlugin.filterDevice(candidate(record), groupContext(demand));

describe('DeviceSelector', () => {
  it('refuses another kind', () => {
    expect(verdict({ kind: 'nvme' })).toEqual({ code: 'unschedulable', reason: 'not a nvme' });
  });

  it('compares numeric attributes with every operator', () => {
    const at = (op: 'lt' | 'lte' | 'eq' | 'ne' | 'gte' | 'gt', value: number) =>
      verdict({ selectors: [{ attribute: 'memoryGiB', op, value }] }).code;
    expect([
      at('gte', 80),
      at('gt', 80),
      at('lte', 80),
      at('lt', 80),
      at('eq', 80),
      at('ne', 80),
    ]).toEqual([
      'success',
      'unschedulable',
      'success',
      'unschedulable',
      'success',
      'unschedulable',
    ]);
  });

  it('never matches an attribute the device does not report', () => {
    const unknown = device('g1', { attributes: {} });
    expect(
      verdict({ selectors: [{ attribute: 'memoryGiB', op: 'ne', value: 1 }] }, unknown),
    ).toEqual({
      code: 'unschedulable',
      reason: 'does not match memoryGiB ne 1',
    });
  });

  it('matches model and vendor in and not in lists', () => {
    expect(
      verdict({ selectors: [{ field: 'model', op: 'in', values: ['H100', 'H200'] }] }).code,
    ).toBe('success');
    expect(verdict({ selectors: [{ field: 'vendor', op: 'notIn', values: ['nvidia'] }] })).toEqual({
      code: 'unschedulable',
      reason: 'does not match vendor notIn [nvidia]',
    });
  });

  it('requires every requested label with its value', () => {
    expect(verdict({ labels: { pool: 'render' } }).code).toBe('success');
    expect(verdict({ labels: { pool: 'train' } }).code).toBe('unschedulable');
  });
});
