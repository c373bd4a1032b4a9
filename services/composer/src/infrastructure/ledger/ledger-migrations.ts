import { type Migration } from '@tessera/postgres';
import { countedUsageMigration } from './counted-usage-migration.js';
import { holdWindowsMigration } from './hold-windows-migration.js';
import { reserveFunctionMigration } from './reserve-function-migration.js';
import { unchangingAllocationsMigration } from './unchanging-allocations-migration.js';

/**
 * The allocation ledger's schema. The database itself refuses over-allocation, whoever writes:
 *
 * - `device_capacity.used` counts a device's allocation rows and carries
 *   `CHECK (used <= max_compositions)`. It is maintained only by a row trigger on `allocations`
 *   (+1 per inserted row, -1 per deleted row), so the count changes in the same statement as the
 *   row: a second allocation of an exclusive device fails its own INSERT, inside the writer's
 *   transaction, whether it comes from the ledger, another composer replica or a hand-written
 *   statement. The trigger's UPDATE also takes the device's row lock, so concurrent writers of
 *   one device queue and each sees the count the previous one committed.
 * - `used` cannot be set by hand: a trigger on `device_capacity` refuses any change to it that
 *   does not come from the allocation trigger (`pg_trigger_depth()`), and new capacity rows
 *   start at 0.
 * - As a second guard, allocation rows of exclusive devices (`max_compositions = 1` when the row
 *   is written; the flag is set by a trigger, not by the writer) fall under a partial unique
 *   index on `device_id`: even a wrong `used` could not let two of them coexist.
 * - An allocation's device, composition, tenant, kind, lease and exclusivity never change
 *   (migration 6): release it and reserve again.
 *
 * The only way around these is to disable triggers (`ALTER TABLE … DISABLE TRIGGER`,
 * `session_replication_role = replica`), which takes the table owner or a superuser: an
 * operator's act, never the composer's code path.
 *
 * Trigger functions keep the search path of the migration (`SET search_path FROM CURRENT`), so
 * they find this schema's tables whatever the caller's search path is.
 */
export const ledgerMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'device capacity and allocations',
    sql: `
      CREATE TABLE device_capacity (
        device_id text PRIMARY KEY,
        max_compositions integer NOT NULL CHECK (max_compositions >= 1),
        used integer NOT NULL DEFAULT 0,
        CONSTRAINT device_capacity_within_limit CHECK (used >= 0 AND used <= max_compositions)
      );

      CREATE TABLE allocations (
        device_id text NOT NULL REFERENCES device_capacity (device_id),
        composition_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('reserved', 'allocated')),
        owner text NOT NULL,
        reservation_id text NOT NULL,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        exclusive boolean NOT NULL DEFAULT true,
        PRIMARY KEY (device_id, composition_id),
        CONSTRAINT allocations_reserved_expire CHECK ((state = 'reserved') = (expires_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX allocations_one_per_exclusive_device ON allocations (device_id)
        WHERE exclusive;
      CREATE INDEX allocations_by_reservation ON allocations (reservation_id);
      CREATE INDEX allocations_by_composition ON allocations (composition_id);
      CREATE INDEX allocations_reserved_by_owner ON allocations (owner) WHERE state = 'reserved';
      CREATE INDEX allocations_reserved_by_expiry ON allocations (expires_at)
        WHERE state = 'reserved';

      CREATE FUNCTION guard_device_usage() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF pg_trigger_depth() = 1 AND (
          (TG_OP = 'INSERT' AND NEW.used <> 0) OR
          (TG_OP = 'UPDATE' AND NEW.used IS DISTINCT FROM OLD.used)
        ) THEN
          RAISE EXCEPTION 'device_capacity.used of % is kept by the allocations table only',
            NEW.device_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER device_capacity_guard_usage BEFORE INSERT OR UPDATE ON device_capacity
        FOR EACH ROW EXECUTE FUNCTION guard_device_usage();

      CREATE FUNCTION stamp_allocation() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.device_id <> OLD.device_id OR NEW.composition_id <> OLD.composition_id THEN
            RAISE EXCEPTION 'an allocation''s device and composition never change'
              USING ERRCODE = 'check_violation';
          END IF;
          NEW.exclusive := OLD.exclusive;
        ELSE
          NEW.exclusive := coalesce(
            (SELECT max_compositions = 1 FROM device_capacity WHERE device_id = NEW.device_id),
            true);
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER allocations_stamp BEFORE INSERT OR UPDATE ON allocations
        FOR EACH ROW EXECUTE FUNCTION stamp_allocation();

      CREATE FUNCTION count_allocation() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE device_capacity SET used = used + 1 WHERE device_id = NEW.device_id;
          RETURN NEW;
        END IF;
        UPDATE device_capacity SET used = used - 1 WHERE device_id = OLD.device_id;
        RETURN OLD;
      END $$;
      CREATE TRIGGER allocations_count AFTER INSERT OR DELETE ON allocations
        FOR EACH ROW EXECUTE FUNCTION count_allocation();
    `,
  },
  {
    // Quotas: the reservation may name its tenant and each device's kind. A statement trigger
    // keeps `tenant_usage` (rows of both, by tenant and kind); the ledger locks the usage rows
    // of a reservation in (tenant, kind) order after its device rows and refuses what would go
    // past `tenant_quotas` (QuotaExceededError). Rows without tenant or kind count for no quota.
    // Migration 5 replaces the counter with counting under the quota row's lock.
    version: 2,
    name: 'tenant quotas',
    sql: `
      ALTER TABLE allocations ADD COLUMN tenant text, ADD COLUMN kind text;

      CREATE TABLE tenant_quotas (
        tenant text NOT NULL,
        kind text NOT NULL,
        max_devices integer NOT NULL CHECK (max_devices >= 0),
        PRIMARY KEY (tenant, kind)
      );

      CREATE TABLE tenant_usage (
        tenant text NOT NULL,
        kind text NOT NULL,
        used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
        PRIMARY KEY (tenant, kind)
      );

      CREATE FUNCTION guard_tenant_usage() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF pg_trigger_depth() = 1 AND (
          (TG_OP = 'INSERT' AND NEW.used <> 0) OR
          (TG_OP = 'UPDATE' AND NEW.used IS DISTINCT FROM OLD.used)
        ) THEN
          RAISE EXCEPTION 'tenant_usage.used of %/% is kept by the allocations table only',
            NEW.tenant, NEW.kind USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER tenant_usage_guard BEFORE INSERT OR UPDATE ON tenant_usage
        FOR EACH ROW EXECUTE FUNCTION guard_tenant_usage();

      CREATE FUNCTION keep_allocation_owner() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF NEW.tenant IS DISTINCT FROM OLD.tenant OR NEW.kind IS DISTINCT FROM OLD.kind THEN
          RAISE EXCEPTION 'an allocation''s tenant and kind never change'
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER allocations_keep_owner BEFORE UPDATE ON allocations
        FOR EACH ROW EXECUTE FUNCTION keep_allocation_owner();

      CREATE FUNCTION count_tenant_allocations() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO tenant_usage AS usage (tenant, kind, used)
          SELECT tenant, kind, count(*) FROM changed
           WHERE tenant IS NOT NULL AND kind IS NOT NULL
           GROUP BY tenant, kind ORDER BY tenant COLLATE "C", kind COLLATE "C"
          ON CONFLICT (tenant, kind) DO UPDATE SET used = usage.used + EXCLUDED.used;
        ELSE
          PERFORM 1 FROM tenant_usage usage
            WHERE (usage.tenant, usage.kind) IN (SELECT tenant, kind FROM changed)
            ORDER BY usage.tenant COLLATE "C", usage.kind COLLATE "C" FOR UPDATE;
          UPDATE tenant_usage usage SET used = usage.used - gone.n
            FROM (SELECT tenant, kind, count(*)::int AS n FROM changed
                   WHERE tenant IS NOT NULL AND kind IS NOT NULL GROUP BY tenant, kind) gone
           WHERE usage.tenant = gone.tenant AND usage.kind = gone.kind;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER allocations_count_tenant_inserts AFTER INSERT ON allocations
        REFERENCING NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_allocations();
      CREATE TRIGGER allocations_count_tenant_deletes AFTER DELETE ON allocations
        REFERENCING OLD TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_allocations();
    `,
  },
  {
    // Lease holds: devices promised to a lease for its window. While a hold exists, no
    // allocation of its device may be written unless it names the same lease: an open-ended
    // composition would still hold the device at the lease's start, so devices promised to a
    // future lease are not given to open-ended compositions. Holds of one device never overlap
    // in time; their writers lock the device's capacity row first, and so does this guard.
    // Holds carry the lease's tenant and the device kind: admission checks the tenant's quotas
    // over the window (open-ended use + overlapping holds + the new lease).
    version: 3,
    name: 'lease holds',
    sql: `
      ALTER TABLE allocations ADD COLUMN lease_id text;

      CREATE TABLE lease_holds (
        lease_id text NOT NULL,
        device_id text NOT NULL REFERENCES device_capacity (device_id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        tenant text,
        kind text,
        PRIMARY KEY (lease_id, device_id),
        CONSTRAINT lease_holds_window CHECK (ends_at > starts_at)
      );
      CREATE INDEX lease_holds_by_device ON lease_holds (device_id, starts_at);
      CREATE INDEX lease_holds_by_window ON lease_holds (starts_at, ends_at);
      CREATE INDEX lease_holds_by_tenant ON lease_holds (tenant, kind, starts_at);

      CREATE FUNCTION guard_lease_hold() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      DECLARE
        rival text;
      BEGIN
        PERFORM 1 FROM device_capacity WHERE device_id = NEW.device_id FOR UPDATE;
        SELECT lease_id INTO rival FROM lease_holds
         WHERE device_id = NEW.device_id AND lease_id <> NEW.lease_id
           AND starts_at < NEW.ends_at AND NEW.starts_at < ends_at
         LIMIT 1;
        IF rival IS NOT NULL THEN
          RAISE EXCEPTION 'device % is promised to lease % during that window',
            NEW.device_id, rival USING ERRCODE = 'exclusion_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER lease_holds_guard BEFORE INSERT OR UPDATE ON lease_holds
        FOR EACH ROW EXECUTE FUNCTION guard_lease_hold();

      CREATE FUNCTION guard_promised_device() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      DECLARE
        promised text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.lease_id IS DISTINCT FROM OLD.lease_id THEN
            RAISE EXCEPTION 'an allocation''s lease never changes'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        SELECT lease_id INTO promised FROM lease_holds
         WHERE device_id = NEW.device_id AND lease_id IS DISTINCT FROM NEW.lease_id
         LIMIT 1;
        IF promised IS NOT NULL THEN
          RAISE EXCEPTION 'device % is promised to lease %', NEW.device_id, promised
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER allocations_guard_promised BEFORE INSERT OR UPDATE ON allocations
        FOR EACH ROW EXECUTE FUNCTION guard_promised_device();
    `,
  },
  holdWindowsMigration,
  countedUsageMigration,
  unchangingAllocationsMigration,
  reserveFunctionMigration,
];
