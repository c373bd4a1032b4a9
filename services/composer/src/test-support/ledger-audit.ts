import type pg from 'pg';
import { ledgerSchema } from './ledger-fixture.js';

/**
 * An append-only history of every allocation row written or deleted, for tests only. Each entry
 * is numbered while its transaction holds the device's `device_capacity` row lock (the ledger's
 * counting trigger updates that row first; this trigger is named to fire after it), and the lock
 * is kept until commit; so, per device, the numbers follow commit order, and rolled-back writes
 * leave no entry. Replaying a device's entries in order gives every count it ever had.
 */
export async function installAllocationAudit(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE ${ledgerSchema}.allocation_audit (
      entry bigserial PRIMARY KEY,
      device_id text NOT NULL,
      change integer NOT NULL,
      max_compositions integer NOT NULL
    );
    CREATE FUNCTION ${ledgerSchema}.audit_allocation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ${ledgerSchema}.allocation_audit (device_id, change, max_compositions)
      SELECT device_id, CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END, max_compositions
        FROM ${ledgerSchema}.device_capacity
       WHERE device_id = CASE WHEN TG_OP = 'INSERT' THEN NEW.device_id ELSE OLD.device_id END;
      RETURN NULL;
    END $$;
    CREATE TRIGGER zz_allocations_audit AFTER INSERT OR DELETE ON ${ledgerSchema}.allocations
      FOR EACH ROW EXECUTE FUNCTION ${ledgerSchema}.audit_allocation();
  `);
}

export interface AuditReplay {
  readonly entries: number;
  /** Highest count any device reached, as a share of its limit (1 = full). */
  readonly fullestShare: number;
  /** Every moment a device held more compositions than its limit (or fewer than none). */
  readonly violations: readonly { entry: number; deviceId: string; count: number; max: number }[];
}

export async function replayAllocationAudit(pool: pg.Pool): Promise<AuditReplay> {
  const { rows } = await pool.query<{
    entry: string;
    device_id: string;
    change: number;
    max_compositions: number;
  }>(`SELECT entry, device_id, change, max_compositions
        FROM ${ledgerSchema}.allocation_audit ORDER BY device_id, entry`);
  const counts = new Map<string, number>();
  const violations: AuditReplay['violations'][number][] = [];
  let fullestShare = 0;
  for (const row of rows) {
    const count = (counts.get(row.device_id) ?? 0) + row.change;
    counts.set(row.device_id, count);
    fullestShare = Math.max(fullestShare, count / row.max_compositions);
    if (count < 0 || count > row.max_compositions) {
      violations.push({
        entry: Number(row.entry),
        deviceId: row.device_id,
        count,
        max: row.max_compositions,
      });
    }
  }
  return { entries: rows.length, fullestShare, violations };
}
