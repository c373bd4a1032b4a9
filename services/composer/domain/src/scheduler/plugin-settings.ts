import { type DeviceKind } from './scheduling-request.js';

/** `binpack` fills what is already in use (keeps whole enclosures free); `spread` evens usage. */
export type PackingStrategy = 'binpack' | 'spread';

/** Per tenant, per device kind: a missing limit means no limit. */
export type TenantKindCounts = Readonly<Record<string, Partial<Record<DeviceKind, number>>>>;

export interface TenantQuotas {
  readonly limits: TenantKindCounts;
  /** What each tenant holds now (from the ledger). */
  readonly usage: TenantKindCounts;
}

/** What a plugin factory is given: the parts of the configuration plugins read. */
export interface PluginSettings {
  readonly strategy: PackingStrategy;
  readonly quotas: TenantQuotas;
}
