import { type Migration } from '@tessera/postgres';

/**
 * Ledger migration 4: a hold blocks its device for its window only. Migration 3's guard refused
 * a device to every composition not naming each lease that held it, whenever that lease's
 * window was: an earlier lease A could not start on devices promised to a later lease B.
 *
 * A device with holds may now be allocated:
 * - to a composition of lease L that holds the device, when no other lease's hold overlaps L's
 *   window on it (admission already guarantees that; the guard checks it for any writer);
 * - to any other composition (open-ended, or of a lease not holding the device) only when no
 *   hold on the device is still running or to come (`ends_at > now()`): such a composition has
 *   no end the ledger knows of, so it could still hold the device when a later window starts.
 *
 * The guard locks the device's capacity row first, as the hold guard does, so an allocation and
 * a hold of one device never pass their checks at the same time. The ledger asks the same
 * question before inserting (`reserve_devices`, migration 7).
 */
export const holdWindowsMigration: Migration = {
  version: 4,
  name: 'lease holds block their window only',
  sql: `
    CREATE OR REPLACE FUNCTION guard_promised_device() RETURNS trigger LANGUAGE plpgsql
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
      PERFORM 1 FROM device_capacity WHERE device_id = NEW.device_id FOR UPDATE;
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
      RETURN NEW;
    END $$;
  `,
};
