import {
  QuotaExceededError,
  type TenantQuota,
  type TenantQuotaUsage,
} from '@tessera/composer-domain';
import type pg from 'pg';
import { compareText, type ReservationRequest } from './ledger-records.js';

interface QuotaUsageRow {
  readonly tenant: string;
  readonly kind: TenantQuota['kind'];
  readonly max_devices: number;
  readonly used: number;
}

/**
 * Tenant quotas per device kind, enforced inside the reservation's transaction: the usage rows
 * of the reservation's (tenant, kind) pairs are locked in that order after its device rows, so
 * concurrent reservations of one tenant queue there and each sees what the previous committed.
 */
export class LedgerQuotas {
  private readonly quotas: string;
  private readonly usage: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.quotas = `${schema}.tenant_quotas`;
    this.usage = `${schema}.tenant_usage`;
  }

  /** Creates or replaces a quota. A limit below current use refuses new devices until it drops. */
  async set(quota: TenantQuota, client?: pg.PoolClient): Promise<void> {
    await (client ?? this.pool).query(
      `INSERT INTO ${this.quotas} (tenant, kind, max_devices) VALUES ($1, $2, $3)
       ON CONFLICT (tenant, kind) DO UPDATE SET max_devices = EXCLUDED.max_devices`,
      [quota.tenant, quota.kind, quota.maxDevices],
    );
  }

  /** Removes a quota (no limit from then on). Returns whether there was one. */
  async remove(tenant: string, kind: string, client?: pg.PoolClient): Promise<boolean> {
    const { rowCount } = await (client ?? this.pool).query(
      `DELETE FROM ${this.quotas} WHERE tenant = $1 AND kind = $2`,
      [tenant, kind],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Quotas with current usage, by tenant then kind; only `tenant`'s when given. */
  async list(tenant?: string, client?: pg.PoolClient): Promise<TenantQuotaUsage[]> {
    const { rows } = await (client ?? this.pool).query<QuotaUsageRow>(
      `SELECT quota.tenant, quota.kind, quota.max_devices, coalesce(usage.used, 0) AS used
         FROM ${this.quotas} quota
         LEFT JOIN ${this.usage} usage USING (tenant, kind)
        WHERE $1::text IS NULL OR quota.tenant = $1
        ORDER BY quota.tenant COLLATE "C", quota.kind COLLATE "C"`,
      [tenant ?? null],
    );
    return rows.map((row) => ({
      tenant: row.tenant,
      kind: row.kind,
      maxDevices: row.max_devices,
      inUse: row.used,
    }));
  }

  /** Devices of each kind a tenant holds now, whether or not a quota applies. */
  async usageOf(tenant: string, client?: pg.PoolClient): Promise<Record<string, number>> {
    const { rows } = await (client ?? this.pool).query<{ kind: string; used: number }>(
      `SELECT kind, used FROM ${this.usage} WHERE tenant = $1 AND used > 0`,
      [tenant],
    );
    return Object.fromEntries(rows.map((row) => [row.kind, row.used]));
  }

  /**
   * Locks the reservation's usage rows and throws `QuotaExceededError` for the first kind it
   * would take past its limit. A reservation without tenant, or of a lease, is not limited.
   */
  async lockAndCheck(tx: pg.PoolClient, request: ReservationRequest): Promise<void> {
    const { tenant } = request;
    if (tenant === undefined || request.leaseId !== undefined) return;
    const asked = countByKind(request.devices);
    for (const row of await this.lockUsage(tx, tenant, [...asked.keys()])) {
      const wanted = asked.get(row.kind) ?? 0;
      if (row.maxDevices !== undefined && row.used + wanted > row.maxDevices) {
        throw new QuotaExceededError(tenant, row.kind, row.maxDevices, row.used, wanted);
      }
    }
  }

  /**
   * Locks the tenant's usage rows of these kinds in kind order (creating missing ones) and
   * returns them with their limits. Every quota check takes these locks after the device rows'.
   */
  async lockUsage(
    tx: pg.PoolClient,
    tenant: string,
    kinds: readonly string[],
  ): Promise<{ kind: string; used: number; maxDevices: number | undefined }[]> {
    if (kinds.length === 0) return [];
    const sorted = [...kinds].sort(compareText);
    await tx.query(
      `INSERT INTO ${this.usage} (tenant, kind)
       SELECT $1, kind FROM unnest($2::text[]) AS asked(kind) ORDER BY kind COLLATE "C"
       ON CONFLICT (tenant, kind) DO NOTHING`,
      [tenant, sorted],
    );
    const { rows } = await tx.query<{ kind: string; used: number; max_devices: number | null }>(
      `SELECT usage.kind, usage.used, quota.max_devices
         FROM ${this.usage} usage
         LEFT JOIN ${this.quotas} quota USING (tenant, kind)
        WHERE usage.tenant = $1 AND usage.kind = ANY($2)
        ORDER BY usage.kind COLLATE "C"
        FOR UPDATE OF usage`,
      [tenant, sorted],
    );
    return rows.map((row) => ({
      kind: row.kind,
      used: row.used,
      maxDevices: row.max_devices ?? undefined,
    }));
  }
}

/** How many of the devices are of each kind (devices without a kind are not counted). */
export function countByKind(devices: readonly { readonly kind?: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { kind } of devices) {
    if (kind !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}
