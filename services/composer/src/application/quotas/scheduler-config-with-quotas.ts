import type { scheduler } from '@tessera/composer-domain';
import { type ComposeDeps, schedulerConfigOf } from '../compose/compose-deps.js';
import { listTenantQuotas } from './list-tenant-quotas.handler.js';
import type { QuotaDeps } from './quota-store.js';
import { schedulerQuotasOf } from './scheduler-quotas.js';

/**
 * The scheduler configuration with the tenant's quotas and current usage (the `TenantQuota`
 * plugin's settings), read now, so that a choice the ledger would refuse for a quota is
 * explained as unschedulable. Without a quota store, the configuration as it is.
 */
export async function schedulerConfigWithQuotas(
  deps: Pick<ComposeDeps, 'schedulerConfig'> & Partial<QuotaDeps>,
  tenant: string,
): Promise<scheduler.SchedulerConfig> {
  const config = schedulerConfigOf(deps);
  if (deps.quotas === undefined) return config;
  const quotas = schedulerQuotasOf(await listTenantQuotas({ quotas: deps.quotas }, tenant));
  return { ...config, quotas };
}
