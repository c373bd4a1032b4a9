import type { CompositionSpec } from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { schedulingRequestOf, unschedulableGroupsOf } from './scheduling-request-of.js';

describe('schedulingRequestOf', () => {
  it("asks the scheduler for the spec's host and groups, in its operator vocabulary", () => {
    const spec: CompositionSpec = {
      name: 'render-1',
      tenant: 'render',
      host: { selector: { minCores: 32, labels: { tier: 'gold' } } },
      groups: [
        {
          name: 'gpus',
          kind: 'gpu',
          count: 2,
          selectors: [
            { attribute: 'memoryGiB', op: '>=', value: 80 },
            { attribute: 'pcieGeneration', op: '!=', value: 3 },
            { field: 'vendor', op: 'not-in', values: ['acme'] },
          ],
          constraints: { sameSwitchAs: 'group' },
          alternatives: [
            { kind: 'gpu', count: 4, selectors: [{ attribute: 'memoryGiB', op: '<', value: 80 }] },
          ],
        },
      ],
    };
    expect(schedulingRequestOf(spec)).toEqual({
      tenant: 'render',
      host: { selector: { minCores: 32, labels: { tier: 'gold' } } },
      groups: [
        {
          name: 'gpus',
          kind: 'gpu',
          count: 2,
          selectors: [
            { attribute: 'memoryGiB', op: 'gte', value: 80 },
            { attribute: 'pcieGeneration', op: 'ne', value: 3 },
            { field: 'vendor', op: 'notIn', values: ['acme'] },
          ],
          constraints: { sameSwitchAs: 'group' },
          alternatives: [
            { kind: 'gpu', count: 4, selectors: [{ attribute: 'memoryGiB', op: 'lt', value: 80 }] },
          ],
        },
      ],
    });
  });
});

describe('unschedulableGroupsOf', () => {
  it('says per group why nothing fitted, with the devices each filter removed', () => {
    const groups = unschedulableGroupsOf({
      outcome: 'unschedulable',
      hosts: { examined: 1, filteredBy: {}, reason: 'no examined host fits every group' },
      groups: [
        {
          name: 'gpus',
          reason: 'only 1 of 2 devices qualify',
          fittedOnHosts: 0,
          filteredBy: { DeviceSelector: 3, DeviceCapacity: 2 },
          alternatives: [{ reason: 'only 0 of 4 devices qualify', filteredBy: {} }],
        },
      ],
    });
    expect(groups).toEqual([
      {
        group: 'gpus',
        why:
          'only 1 of 2 devices qualify (devices removed: DeviceSelector 3, DeviceCapacity 2); ' +
          'alternative 1: only 0 of 4 devices qualify',
      },
    ]);
  });
});
