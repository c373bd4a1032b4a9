import type { TenantQuotaUsage } from '@tessera/composer-domain';
import type { QuotaDeps } from './quota-store.js';

/** Every quota (or one tenant's), each with the devices of its kind the tenant holds now. */
export function listTenantQuotas(deps: QuotaDeps, tenant?: string): Promise<TenantQuotaUsage[]> {
  return deps.quotas.list(tenant);
}

/** One quota with its usage, or undefined when the tenant has no limit for the kind. */
export async function getTenantQuota(
  deps: QuotaDeps,
  tenant: string,
  kind: string,
): Promise<TenantQuotaUsage | undefined> {
  return (await deps.quotas.list(tenant)).find((quota) => quota.kind === kind);
}
