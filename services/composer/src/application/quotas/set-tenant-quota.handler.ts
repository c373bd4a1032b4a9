import { type TenantQuotaUsage, validateTenantQuota } from '@tessera/composer-domain';
import type { QuotaDeps } from './quota-store.js';
import type { SetTenantQuotaCommand } from './set-tenant-quota.command.js';

/**
 * Stores the quota and answers it with current usage. A bad argument throws `InvalidQuotaError`
 * naming the field and stores nothing. Lowering a limit below current use takes nothing away:
 * new reservations of that kind are refused until the tenant is under it again.
 */
export async function setTenantQuota(
  deps: QuotaDeps,
  command: SetTenantQuotaCommand,
): Promise<TenantQuotaUsage> {
  const quota = validateTenantQuota(command);
  await deps.quotas.set(quota);
  const stored = (await deps.quotas.list(quota.tenant)).find((row) => row.kind === quota.kind);
  return stored ?? { ...quota, inUse: 0 };
}

/** Removes a tenant's quota of a kind (no limit from then on); whether there was one. */
export function removeTenantQuota(deps: QuotaDeps, tenant: string, kind: string): Promise<boolean> {
  return deps.quotas.remove(tenant, kind);
}
