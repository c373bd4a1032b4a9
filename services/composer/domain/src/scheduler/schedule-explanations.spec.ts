import { describe, expect, it } from 'vitest';
import { defaultSchedulerConfig } from './registry.js';
import { preview } from './schedule.js';
import { type GroupRequest, type SchedulingRequest } from './scheduling-request.js';
import { smallLab } from './test-support/small-lab.js';

const bigGpus = { attribute: 'memoryGiB', op: 'gte', value: 80 } as const;
const request = (host: SchedulingRequest['host'], ...groups: GroupRequest[]) => ({
  tenant: 'acme',
  host,
  groups,
});

describe('unschedulable explanations', () => {
  it('counts, per group, how many candidates each filter removed on the host', () => {
    const outcome = preview(
      request(
        { hostId: 'h1' },
        { name: 'gpus', kind: 'gpu', count: 4, selectors: [bigGpus] },
        { name: 'drives', kind: 'nvme', count: 1, constraints: { maxHops: 1 } },
      ),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toEqual({
      outcome: 'unschedulable',
      hosts: { examined: 1, filteredBy: {}, reason: 'no examined host fits every group' },
      groups: [
        {
          name: 'gpus',
          reason: 'needs 4 gpu, 3 left after filters',
          fittedOnHosts: 0,
          filteredBy: { DeviceSelector: 1, DeviceCondition: 1 },
          alternatives: [],
        },
        {
          name: 'drives',
          reason: 'needs 1 nvme, 0 left after filters',
          fittedOnHosts: 0,
          filteredBy: { FabricReach: 5 },
          alternatives: [],
        },
      ],
    });
  });

  it('says when each group fits on some host but no host fits them all', () => {
    const outcome = preview(
      request(
        { selector: {} },
        { name: 'gpus', kind: 'gpu', count: 2, selectors: [bigGpus] },
        { name: 'near-drive', kind: 'nvme', count: 1, constraints: { sameSwitchAs: 'host' } },
      ),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toMatchObject({
      hosts: {
        examined: 3,
        filteredBy: { HostCondition: 1 },
        reason: 'no examined host fits every group',
      },
      groups: [
        {
          name: 'gpus',
          reason: 'fits on 1 examined host(s), but none fits every group',
          fittedOnHosts: 1,
          filteredBy: { DeviceSelector: 1, DeviceCondition: 1 },
        },
        { name: 'near-drive', fittedOnHosts: 1, filteredBy: { SameSwitch: 5 } },
      ],
    });
  });

  it('counts the hosts each host filter removed', () => {
    const outcome = preview(
      request({ selector: { minCores: 128 } }, { name: 'gpus', kind: 'gpu', count: 1 }),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toEqual({
      outcome: 'unschedulable',
      hosts: {
        examined: 3,
        filteredBy: { HostCondition: 1, HostSelector: 2 },
        reason: 'no host passes the host filters',
      },
      groups: [
        {
          name: 'gpus',
          reason: 'not tried: no host passed the host filters',
          fittedOnHosts: 0,
          filteredBy: {},
          alternatives: [],
        },
      ],
    });
  });

  it('reports a quota refusal against every candidate of the kind', () => {
    const config = {
      ...defaultSchedulerConfig,
      quotas: { limits: { acme: { gpu: 2 } }, usage: { acme: { gpu: 1 } } },
    };
    const outcome = preview(
      request({ hostId: 'h1' }, { name: 'gpus', kind: 'gpu', count: 2 }),
      smallLab(),
      config,
    );
    expect(outcome).toMatchObject({
      groups: [
        {
          reason: 'TenantQuota: tenant acme may hold 2 gpu, holds 1 and this request needs 2',
          filteredBy: { TenantQuota: 5 },
        },
      ],
    });
  });

  it('explains the group’s own demand and each alternative separately', () => {
    const outcome = preview(
      request(
        { hostId: 'h1' },
        {
          name: 'gpus',
          kind: 'gpu',
          count: 1,
          selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 200 }],
          alternatives: [
            {
              kind: 'gpu',
              count: 3,
              selectors: [{ attribute: 'memoryGiB', op: 'gte', value: 40 }],
              constraints: { sameSwitchAs: 'group' },
            },
          ],
        },
      ),
      smallLab(),
      defaultSchedulerConfig,
    );
    expect(outcome).toMatchObject({
      groups: [
        {
          reason: 'needs 1 gpu, 0 left after filters',
          filteredBy: { DeviceSelector: 5 },
          alternatives: [
            {
              reason: 'SameSwitch: no switch has 3 matching gpu below it (at most 2)',
              filteredBy: { DeviceCondition: 1, SameSwitch: 4 },
            },
          ],
        },
      ],
    });
  });

  it('names a host the scheduler does not know', () => {
    const outcome = preview(request({ hostId: 'h9' }), smallLab(), defaultSchedulerConfig);
    expect(outcome).toEqual({
      outcome: 'unschedulable',
      hosts: { examined: 0, filteredBy: {}, reason: 'host h9 is not known to the scheduler' },
      groups: [],
    });
  });
});
