/** Tenant quotas per device kind: set, remove, list with usage (the ledger enforces them). */
export { getTenantQuota, listTenantQuotas } from './list-tenant-quotas.handler.js';
export type { QuotaDeps, QuotaStore } from './quota-store.js';
export type { SetTenantQuotaCommand } from './set-tenant-quota.command.js';
export { removeTenantQuota, setTenantQuota } from './set-tenant-quota.handler.js';
export { schedulerQuotasOf } from './scheduler-quotas.js';
export { schedulerConfigWithQuotas } from './scheduler-config-with-quotas.js';
