/** Tenant quotas stored beside the allocation ledger that enforces them. */
export { PostgresQuotaStore } from './postgres-quota-store.js';
