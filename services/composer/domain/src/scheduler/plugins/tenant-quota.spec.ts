import { describe, expect, it } from 'vitest';
import { candidate, device, groupContext } from '../test-support/pool.js';
import { tenantQuotaPlugin } from './tenant-quota.js';

const quota = tenantQuotaPlugin({
  strategy: 'binpack',
  quotas: { limits: { acme: { gpu: 4 } }, usage: { acme: { gpu: 1 } } },
});
const request = { tenant: 'acme', host: { selector: {} }, groups: [] };

describe('TenantQuota', () => {
  it('admits a group that fits in what the tenant has left', () => {
    expect(quota.preFilterGroup(groupContext({ count: 3 }, { request })).code).toBe('success');
  });

  it('counts what earlier groups of the request take', () => {
    const planned = [candidate(device('g1'))];
    expect(quota.preFilterGroup(groupContext({ count: 3 }, { request, planned }))).toEqual({
      code: 'unschedulable',
      reason: 'tenant acme may hold 4 gpu, holds 1 and this request needs 4',
    });
  });

  it('leaves kinds and tenants without a limit alone', () => {
    expect(quota.preFilterGroup(groupContext({ kind: 'nvme', count: 99 }, { request })).code).toBe(
      'success',
    );
    const other = { ...request, tenant: 'globex' };
    expect(quota.preFilterGroup(groupContext({ count: 99 }, { request: other })).code).toBe(
      'success',
    );
  });
});
