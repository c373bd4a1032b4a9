import { type Migration } from '@tessera/postgres';

/**
 * Ledger migration 6: the same guards on `allocations` with fewer trigger calls. An inserted row
 * ran three row triggers (the promise guard, the exclusive stamp, the usage count, each a
 * PL/pgSQL call with its own statements, and the count's UPDATE per row); an updated row three
 * more. They were the largest part of Postgres's work per composition.
 *
 * - `admit_allocation` (BEFORE INSERT, per row): locks the device's capacity row (as the lease
 *   hold guard does, so an allocation and a hold of one device never pass their checks at the
 *   same time) and reads its limit in one statement, stamps `exclusive`, and refuses a device
 *   promised to another lease by migration 4's rule; a device without holds skips that query.
 * - `keep_allocation_identity` (BEFORE UPDATE, per row): device, composition, tenant, kind and
 *   lease never change, and `exclusive` stays as stamped.
 * - `count_allocations` (AFTER INSERT / AFTER DELETE, per statement, over the transition table):
 *   one UPDATE of `device_capacity.used` per statement, by device. Its CHECK still refuses a
 *   count past the limit inside the writer's statement; the deletes lock the capacity rows in
 *   device order first, as the ledger does.
 *
 * The messages and error codes are migration 1-4's.
 */
export const mergedTriggersMigration: Migration = {
  version: 6,
  name: 'allocation guards in fewer triggers',
  sql: `
    DROP TRIGGER allocations_stamp ON allocations;
    DROP TRIGGER allocations_guard_promised ON allocations;
    DROP TRIGGER allocations_keep_owner ON allocations;
    DROP TRIGGER allocations_count ON allocations;
    DROP FUNCTION stamp_allocation();
    DROP FUNCTION guard_promised_device();
    DROP FUNCTION keep_allocation_owner();
    DROP FUNCTION count_allocation();

    CREATE FUNCTION admit_allocation() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    DECLARE
      device_limit integer;
      promised text;
    BEGIN
      SELECT max_compositions INTO device_limit
        FROM device_capacity WHERE device_id = NEW.device_id FOR UPDATE;
      NEW.exclusive := coalesce(device_limit = 1, true);
      IF EXISTS (SELECT 1 FROM lease_holds WHERE device_id = NEW.device_id) THEN
        SELECT rival.lease_id INTO promised
          FROM lease_holds rival
          LEFT JOIN lease_holds own
            ON own.device_id = rival.device_id AND own.lease_id = NEW.lease_id
         WHERE rival.device_id = NEW.device_id
           AND rival.lease_id IS DISTINCT FROM NEW.lease_id
           AND CASE WHEN own.lease_id IS NULL THEN rival.ends_at > now()
                    ELSE rival.starts_at < own.ends_at AND own.starts_at < rival.ends_at END
         ORDER BY rival.starts_at
         LIMIT 1;
        IF promised IS NOT NULL THEN
          RAISE EXCEPTION 'device % is promised to lease %', NEW.device_id, promised
            USING ERRCODE = 'check_violation';
        END IF;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER allocations_admit BEFORE INSERT ON allocations
      FOR EACH ROW EXECUTE FUNCTION admit_allocation();

    CREATE FUNCTION keep_allocation_identity() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      IF NEW.device_id <> OLD.device_id OR NEW.composition_id <> OLD.composition_id THEN
        RAISE EXCEPTION 'an allocation''s device and composition never change'
          USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.tenant IS DISTINCT FROM OLD.tenant OR NEW.kind IS DISTINCT FROM OLD.kind THEN
        RAISE EXCEPTION 'an allocation''s tenant and kind never change'
          USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.lease_id IS DISTINCT FROM OLD.lease_id THEN
        RAISE EXCEPTION 'an allocation''s lease never changes'
          USING ERRCODE = 'check_violation';
      END IF;
      NEW.exclusive := OLD.exclusive;
      RETURN NEW;
    END $$;
    CREATE TRIGGER allocations_keep_identity BEFORE UPDATE ON allocations
      FOR EACH ROW EXECUTE FUNCTION keep_allocation_identity();

    CREATE FUNCTION count_allocations() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE device_capacity capacity SET used = capacity.used + added.n
          FROM (SELECT device_id, count(*)::int AS n FROM changed GROUP BY device_id) added
         WHERE capacity.device_id = added.device_id;
        RETURN NULL;
      END IF;
      PERFORM 1 FROM device_capacity
        WHERE device_id IN (SELECT device_id FROM changed)
        ORDER BY device_id COLLATE "C" FOR UPDATE;
      UPDATE device_capacity capacity SET used = capacity.used - gone.n
        FROM (SELECT device_id, count(*)::int AS n FROM changed GROUP BY device_id) gone
       WHERE capacity.device_id = gone.device_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER allocations_count_inserts AFTER INSERT ON allocations
      REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION count_allocations();
    CREATE TRIGGER allocations_count_deletes AFTER DELETE ON allocations
      REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION count_allocations();
  `,
};
