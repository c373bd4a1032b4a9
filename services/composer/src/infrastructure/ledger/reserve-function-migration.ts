import { type Migration } from '@tessera/postgres';

/**
 * Ledger migration 7: a reservation is one call. The ledger sent four statements, each a round
 * trip: create and lock the capacity rows, look for blocked devices, lock and count the tenant's
 * quotas, insert the allocations. On the composer's hot path those round trips cost more than
 * the work they carried. The same steps, in the same order and under the same locks, now run
 * inside `reserve_devices`; each statement in it takes a fresh snapshot (READ COMMITTED), so
 * every check sees what the writers it waited for committed, as before.
 *
 * `lock_devices` creates missing capacity rows and locks them all in device order (`COLLATE
 * "C"`). It is the first step of a reservation and of a lease hold.
 *
 * `reserve_devices` answers with rows whose `refusal` says what they are:
 * - `held`: the reservation id already holds these allocations (a retry, or a reused id);
 *   nothing was written, the caller compares them with its request;
 * - `blocked`: devices that cannot take the composition (at their limit, already in it, or
 *   promised to another lease by migration 4's rule); nothing was written;
 * - `quota`: the first kind, in kind order, whose quota the tenant would pass, with the limit,
 *   the devices in use and the devices asked; nothing was written. Only kinds with a quota are
 *   locked (migration 5), and a composition of a lease is not limited;
 * - none (`NULL`): the allocations just reserved.
 *
 * `confirm_reservation` turns a reservation's rows into allocations without expiry, locking them
 * in the ledger's order first, and returns them (none: nothing is held under that id).
 *
 * Both plan their statements once per connection (`force_generic_plan`). As prepared statements
 * they were planned afresh on a good share of calls: Postgres judged the plan for a given
 * reservation id cheaper than the generic one, which was the same plan.
 */
export const reserveFunctionMigration: Migration = {
  version: 7,
  name: 'reservations in one call',
  sql: `
    CREATE FUNCTION lock_devices(p_devices text[], p_limits integer[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path FROM CURRENT SET plan_cache_mode = force_generic_plan AS $$
    BEGIN
      INSERT INTO device_capacity AS capacity (device_id, max_compositions)
      SELECT requested.device_id, requested.max_compositions
        FROM unnest(p_devices, p_limits) AS requested(device_id, max_compositions)
       ORDER BY requested.device_id COLLATE "C"
      ON CONFLICT (device_id) DO UPDATE SET max_compositions = EXCLUDED.max_compositions
       WHERE capacity.max_compositions <> EXCLUDED.max_compositions
         AND capacity.used <= EXCLUDED.max_compositions;
    END $$;

    CREATE FUNCTION reserve_devices(
      p_devices text[], p_limits integer[], p_kinds text[], p_composition text, p_owner text,
      p_reservation text, p_expires timestamptz, p_tenant text, p_lease text)
    RETURNS TABLE (
      refusal text, device_id text, composition_id text, state text, owner text,
      reservation_id text, expires_at timestamptz, created_at timestamptz,
      kind text, max_devices integer, in_use integer, wanted integer)
    LANGUAGE plpgsql
    SET search_path FROM CURRENT SET plan_cache_mode = force_generic_plan AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM lock_devices(p_devices, p_limits);

      RETURN QUERY
        SELECT 'held', held.device_id, held.composition_id, held.state, held.owner,
               held.reservation_id, held.expires_at, held.created_at,
               held.kind, NULL::integer, NULL::integer, NULL::integer
          FROM allocations held WHERE held.reservation_id = p_reservation;
      IF FOUND THEN RETURN; END IF;

      RETURN QUERY
        SELECT 'blocked', requested.device_id, NULL, NULL, NULL, NULL, NULL::timestamptz,
               NULL::timestamptz, NULL, NULL::integer, NULL::integer, NULL::integer
          FROM unnest(p_devices, p_limits) AS requested(device_id, max_compositions)
          JOIN device_capacity capacity ON capacity.device_id = requested.device_id
         WHERE capacity.device_id = ANY(p_devices)
           AND (capacity.used >= LEAST(capacity.max_compositions, requested.max_compositions)
                OR EXISTS (SELECT 1 FROM allocations held
                            WHERE held.device_id = requested.device_id
                              AND held.composition_id = p_composition)
                OR EXISTS (SELECT 1 FROM lease_holds rival
                             LEFT JOIN lease_holds own
                               ON own.device_id = rival.device_id AND own.lease_id = p_lease
                            WHERE rival.device_id = requested.device_id
                              AND rival.lease_id IS DISTINCT FROM p_lease
                              AND CASE WHEN own.lease_id IS NULL THEN rival.ends_at > now()
                                       ELSE rival.starts_at < own.ends_at
                                            AND own.starts_at < rival.ends_at END))
         ORDER BY requested.device_id COLLATE "C";
      IF FOUND THEN RETURN; END IF;

      IF p_tenant IS NOT NULL AND p_lease IS NULL THEN
        PERFORM 1 FROM tenant_quotas quota
          WHERE quota.tenant = p_tenant AND quota.kind = ANY(p_kinds)
          ORDER BY quota.kind COLLATE "C"
          FOR UPDATE;
        IF FOUND THEN
          RETURN QUERY
            SELECT 'quota', NULL, NULL, NULL, NULL, NULL, NULL::timestamptz, NULL::timestamptz,
                   quota.kind, quota.max_devices, in_use.n, asked.n
              FROM tenant_quotas quota
              JOIN (SELECT asked_kind, count(*)::integer AS n
                      FROM unnest(p_kinds) AS asked_kind
                     WHERE asked_kind IS NOT NULL GROUP BY asked_kind) asked
                ON asked.asked_kind = quota.kind
             CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM allocations counted
                                  WHERE counted.tenant = p_tenant
                                    AND counted.kind = quota.kind) in_use
             WHERE quota.tenant = p_tenant AND in_use.n + asked.n > quota.max_devices
             ORDER BY quota.kind COLLATE "C"
             LIMIT 1;
          IF FOUND THEN RETURN; END IF;
        END IF;
      END IF;

      RETURN QUERY
        INSERT INTO allocations AS reserved
          (device_id, composition_id, state, owner, reservation_id, expires_at,
           tenant, kind, lease_id)
        SELECT requested.device_id, p_composition, 'reserved', p_owner, p_reservation,
               p_expires, p_tenant, requested.kind, p_lease
          FROM unnest(p_devices, p_kinds) AS requested(device_id, kind)
         ORDER BY requested.device_id COLLATE "C"
        RETURNING NULL::text, reserved.device_id, reserved.composition_id, reserved.state,
                  reserved.owner, reserved.reservation_id, reserved.expires_at,
                  reserved.created_at, reserved.kind, NULL::integer, NULL::integer,
                  NULL::integer;
    END $$;

    CREATE FUNCTION confirm_reservation(p_reservation text)
    RETURNS TABLE (
      device_id text, composition_id text, state text, owner text, reservation_id text,
      expires_at timestamptz, created_at timestamptz)
    LANGUAGE plpgsql
    SET search_path FROM CURRENT SET plan_cache_mode = force_generic_plan AS $$
    #variable_conflict use_column
    BEGIN
      RETURN QUERY
        UPDATE allocations confirmed SET state = 'allocated', expires_at = NULL
          FROM (SELECT locking.device_id AS locked_device,
                       locking.composition_id AS locked_composition
                  FROM allocations locking
                 WHERE locking.reservation_id = p_reservation
                 ORDER BY locking.device_id COLLATE "C", locking.composition_id COLLATE "C"
                   FOR UPDATE) locked
         WHERE confirmed.device_id = locked.locked_device
           AND confirmed.composition_id = locked.locked_composition
        RETURNING confirmed.device_id, confirmed.composition_id, confirmed.state,
                  confirmed.owner, confirmed.reservation_id, confirmed.expires_at,
                  confirmed.created_at;
    END $$;
  `,
};
