import type { TenantQuota, TenantQuotaUsage } from '@tessera/composer-domain';

/** Where quotas live: beside the ledger, which enforces them in each reservation. */
export interface QuotaStore {
  set(quota: TenantQuota): Promise<void>;
  /** Returns whether a quota was removed. */
  remove(tenant: string, kind: string): Promise<boolean>;
  /** Quotas with current usage, by tenant then kind; only `tenant`'s when given. */
  list(tenant?: string): Promise<TenantQuotaUsage[]>;
}

export interface QuotaDeps {
  readonly quotas: QuotaStore;
}
