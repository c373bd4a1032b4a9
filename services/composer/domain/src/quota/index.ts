/** Per tenant and device kind: how many devices its compositions may hold at once. */
export { InvalidQuotaError, QuotaExceededError } from './quota-errors.js';
export {
  maxQuotaDevices,
  validateTenantQuota,
  type TenantQuota,
  type TenantQuotaUsage,
} from './tenant-quota.js';
