import { createPool } from '@tessera/postgres';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import { AllocationLedger } from '../infrastructure/ledger/index.js';

export const ledgerSchema = 'composer_ledger';

export interface LedgerFixture {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly ledger: AllocationLedger;
  /** Devices whose allocation rows exceed their limit, or disagree with their `used` count. */
  inconsistentDevices(): Promise<InconsistentDevice[]>;
  close(): Promise<void>;
}

export interface InconsistentDevice {
  readonly deviceId: string;
  readonly held: number;
  readonly used: number;
  readonly maxCompositions: number;
}

/** A database of its own with the ledger migrated. */
export async function createLedgerFixture(
  options: { poolSize?: number } = {},
): Promise<LedgerFixture> {
  const database = await createTestDatabase({ prefix: 'ledger' });
  const pool = createPool({ connectionString: database.url, max: options.poolSize ?? 10 });
  const ledger = new AllocationLedger({ pool, schema: ledgerSchema });
  await ledger.migrate();
  return {
    database,
    pool,
    ledger,
    inconsistentDevices: () => inconsistentDevices(pool),
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
}

/** One statement, so the counts and the rows come from the same snapshot. */
export async function inconsistentDevices(pool: pg.Pool): Promise<InconsistentDevice[]> {
  const { rows } = await pool.query<InconsistentDevice>(
    `SELECT capacity.device_id AS "deviceId", count(held.device_id)::int AS held,
            capacity.used, capacity.max_compositions AS "maxCompositions"
       FROM ${ledgerSchema}.device_capacity capacity
       LEFT JOIN ${ledgerSchema}.allocations held USING (device_id)
      GROUP BY capacity.device_id
     HAVING count(held.device_id) > capacity.max_compositions
         OR count(held.device_id) <> capacity.used
      ORDER BY capacity.device_id`,
  );
  return rows;
}

/** Requests for `deviceIds`, each with the same limit. */
export function devicesOf(
  maxCompositions: number,
  ...deviceIds: string[]
): { deviceId: string; maxCompositions: number }[] {
  return deviceIds.map((deviceId) => ({ deviceId, maxCompositions }));
}
