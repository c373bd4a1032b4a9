import { type Migration } from '@tessera/postgres';

/**
 * Ledger migration 6: an UPDATE of `allocations` runs no trigger function unless it changes what
 * must never change. Confirming a reservation (`state`, `expires_at`) called three PL/pgSQL
 * functions per row, each only to compare columns: the identity check and `exclusive` kept by
 * `stamp_allocation`, tenant and kind by `keep_allocation_owner`, the lease by
 * `guard_promised_device`.
 *
 * Now those comparisons are one trigger's `WHEN` condition, which Postgres evaluates itself; its
 * function only raises. `stamp_allocation` and `guard_promised_device` run on INSERT only. One
 * difference: an UPDATE that sets `exclusive` was silently undone, and is now refused like the
 * other columns.
 */
export const unchangingAllocationsMigration: Migration = {
  version: 6,
  name: 'allocation updates checked by a trigger condition',
  sql: `
    DROP TRIGGER allocations_stamp ON allocations;
    DROP TRIGGER allocations_guard_promised ON allocations;
    DROP TRIGGER allocations_keep_owner ON allocations;
    DROP FUNCTION keep_allocation_owner();

    CREATE TRIGGER allocations_stamp BEFORE INSERT ON allocations
      FOR EACH ROW EXECUTE FUNCTION stamp_allocation();
    CREATE TRIGGER allocations_guard_promised BEFORE INSERT ON allocations
      FOR EACH ROW EXECUTE FUNCTION guard_promised_device();

    CREATE FUNCTION refuse_allocation_change() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      RAISE EXCEPTION 'an allocation''s device, composition, tenant, kind, lease and exclusivity never change (device %, composition %)',
        OLD.device_id, OLD.composition_id USING ERRCODE = 'check_violation';
    END $$;
    CREATE TRIGGER allocations_unchanging BEFORE UPDATE ON allocations
      FOR EACH ROW
      WHEN (NEW.device_id IS DISTINCT FROM OLD.device_id
         OR NEW.composition_id IS DISTINCT FROM OLD.composition_id
         OR NEW.tenant IS DISTINCT FROM OLD.tenant
         OR NEW.kind IS DISTINCT FROM OLD.kind
         OR NEW.lease_id IS DISTINCT FROM OLD.lease_id
         OR NEW.exclusive IS DISTINCT FROM OLD.exclusive)
      EXECUTE FUNCTION refuse_allocation_change();
  `,
};
