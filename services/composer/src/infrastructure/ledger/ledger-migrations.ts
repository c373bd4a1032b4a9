import { type Migration } from '@tessera/postgres';

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
 * - An allocation's device and composition never change: release it and reserve again.
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
];
