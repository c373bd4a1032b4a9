import { type Migration } from '@tessera/postgres';

/**
 * Ledger migration 5: a tenant's usage is counted from its allocations when a quota asks, not
 * kept in a counter row. Migration 2's statement trigger added every reservation's devices to a
 * `tenant_usage` row per (tenant, kind), and the ledger locked those rows to check quotas: every
 * reservation of one tenant queued behind the previous one's commit, quota or not. A tenant's
 * automation composing in parallel (a render farm, quarter-end capacity) went one at a time.
 *
 * Now only a quota serializes: the ledger locks the tenant's `tenant_quotas` rows of the kinds a
 * reservation asks for (in kind order, after the device rows) and counts the tenant's
 * allocations of those kinds under that lock; kinds without a quota take no lock at all. The
 * index below keeps the count to the tenant's own rows.
 */
export const countedUsageMigration: Migration = {
  version: 5,
  name: 'tenant usage counted under the quota lock',
  sql: `
    DROP TRIGGER allocations_count_tenant_inserts ON allocations;
    DROP TRIGGER allocations_count_tenant_deletes ON allocations;
    DROP FUNCTION count_tenant_allocations();
    DROP TABLE tenant_usage;
    DROP FUNCTION guard_tenant_usage();

    CREATE INDEX allocations_by_tenant_kind ON allocations (tenant, kind)
      WHERE tenant IS NOT NULL AND kind IS NOT NULL;
  `,
};
