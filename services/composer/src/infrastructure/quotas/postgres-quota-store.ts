import type { TenantQuota, TenantQuotaUsage } from '@tessera/composer-domain';
import type { QuotaStore } from '../../application/quotas/index.js';
import type { AllocationLedger } from '../ledger/index.js';

/** Quotas in the ledger's schema, where each reservation checks them in its transaction. */
export class PostgresQuotaStore implements QuotaStore {
  constructor(private readonly ledger: AllocationLedger) {}

  set(quota: TenantQuota): Promise<void> {
    return this.ledger.quotas.set(quota);
  }

  remove(tenant: string, kind: string): Promise<boolean> {
    return this.ledger.quotas.remove(tenant, kind);
  }

  list(tenant?: string): Promise<TenantQuotaUsage[]> {
    return this.ledger.quotas.list(tenant);
  }
}
