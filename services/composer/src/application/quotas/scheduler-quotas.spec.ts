import { describe, expect, it } from 'vitest';
import { schedulerQuotasOf } from './scheduler-quotas.js';

describe('schedulerQuotasOf', () => {
  it('turns stored quotas into the TenantQuota plugin settings', () => {
    expect(
      schedulerQuotasOf([
        { tenant: 'finance', kind: 'gpu', maxDevices: 16, inUse: 4 },
        { tenant: 'finance', kind: 'nvme', maxDevices: 32, inUse: 0 },
        { tenant: 'render', kind: 'gpu', maxDevices: 2, inUse: 2 },
      ]),
    ).toEqual({
      limits: { finance: { gpu: 16, nvme: 32 }, render: { gpu: 2 } },
      usage: { finance: { gpu: 4, nvme: 0 }, render: { gpu: 2 } },
    });
  });
});
