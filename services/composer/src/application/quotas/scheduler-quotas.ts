import type { scheduler, TenantQuotaUsage } from '@tessera/composer-domain';

/**
 * The scheduler's `TenantQuota` plugin settings from the stored quotas and their usage, so that
 * a request over its quota is explained before the ledger is asked (the ledger still decides).
 */
export function schedulerQuotasOf(quotas: readonly TenantQuotaUsage[]): scheduler.TenantQuotas {
  const limits: Record<string, Partial<Record<scheduler.DeviceKind, number>>> = {};
  const usage: Record<string, Partial<Record<scheduler.DeviceKind, number>>> = {};
  for (const quota of quotas) {
    (limits[quota.tenant] ??= {})[quota.kind] = quota.maxDevices;
    (usage[quota.tenant] ??= {})[quota.kind] = quota.inUse;
  }
  return { limits, usage };
}
