import { type TenantQuota, type TenantQuotaUsage } from '@tessera/composer-domain';
import { prepared } from '@tessera/postgres';
import type pg from 'pg';
import { compareText } from './ledger-records.js';

interface QuotaUsageRow {
  readonly tenant: string;
  readonly kind: TenantQuota['kind'];
  readonly max_devices: number;
  readonly used: number;
}

/**
 * Tenant quotas per device kind. They are enforced where devices are taken: a reservation
 * (`reserve_devices`, ledger migration 7) and a lease hold lock the tenant's quota rows of the
 * kinds they ask for in kind order, after their device rows, and count the tenant's allocations
 * of those kinds under that lock, so concurrent reservations limited by one quota queue there and
 * each counts what the previous committed. Kinds without a quota take no lock: reservations of an
 * unlimited tenant never wait for each other (ledger migration 5). A quota set while
 * reservations are in flight counts them once they commit: it may be passed by those, never by a
 * reservation that starts after it.
 */
export class LedgerQuotas {
  private readonly quotas: string;
  private readonly allocations: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.quotas = `${schema}.tenant_quotas`;
    this.allocations = `${schema}.allocations`;
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
      `SELECT quota.tenant, quota.kind, quota.max_devices,
              (SELECT count(*) FROM ${this.allocations} held
                WHERE held.tenant = quota.tenant AND held.kind = quota.kind)::int AS used
         FROM ${this.quotas} quota
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

  /**
   * Locks the tenant's quota rows of these kinds in kind order and returns them; kinds without
   * a quota are not returned and lock nothing. Every quota check takes these locks after the
   * device rows'.
   */
  async lockQuotas(
    tx: pg.PoolClient,
    tenant: string,
    kinds: readonly string[],
  ): Promise<{ kind: string; maxDevices: number }[]> {
    if (kinds.length === 0) return [];
    const { rows } = await tx.query<{ kind: string; max_devices: number }>(
      prepared(
        `SELECT kind, max_devices FROM ${this.quotas}
          WHERE tenant = $1 AND kind = ANY($2)
          ORDER BY kind COLLATE "C"
          FOR UPDATE`,
        [tenant, [...kinds].sort(compareText)],
      ),
    );
    return rows.map((row) => ({ kind: row.kind, maxDevices: row.max_devices }));
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
