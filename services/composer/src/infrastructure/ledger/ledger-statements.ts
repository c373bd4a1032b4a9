import { prepared } from '@tessera/postgres';
import type pg from 'pg';
import {
  type Allocation,
  allocationColumns,
  type AllocationRow,
  byDevice,
  toAllocation,
} from './ledger-records.js';

/**
 * The ledger's locking statements, shared by its operations. Each runs on the caller's
 * transaction; the lock order they keep (capacity rows by device id, `COLLATE "C"`, then
 * allocation rows by device and composition) is what makes concurrent writers deadlock-free.
 */
export class LedgerStatements {
  private readonly lockDevicesFunction: string;

  constructor(
    schema: string,
    private readonly capacity: string,
    private readonly allocations: string,
  ) {
    this.lockDevicesFunction = `${schema}.lock_devices`;
  }

  /**
   * Creates missing capacity rows and locks all of them in id order (`lock_devices`, ledger
   * migration 7). The stored limit follows the inventory's, except that it is not lowered below
   * current use (the CHECK would refuse it); a lowered limit takes effect once enough
   * compositions have let go.
   */
  async lockDevices(
    tx: pg.PoolClient,
    deviceIds: readonly string[],
    limits: readonly number[],
  ): Promise<void> {
    await tx.query(prepared(`SELECT ${this.lockDevicesFunction}($1, $2)`, [deviceIds, limits]));
  }

  /**
   * Deletes the allocations matching `condition` (parameters `$1…`), locking their devices
   * first. Rows that stop matching while it waits (a reservation confirmed meanwhile) stay; rows
   * that start matching on a device it did not lock are left to the next call, since taking
   * that device's lock now would break the lock order.
   */
  async releaseWhere(
    tx: pg.PoolClient,
    condition: string,
    parameters: readonly unknown[],
  ): Promise<Allocation[]> {
    // The conditions are a few fixed texts (the ledger's release operations): prepared.
    const { rows: touched } = await tx.query<{ device_id: string }>(
      prepared(`SELECT DISTINCT device_id FROM ${this.allocations} WHERE ${condition}`, parameters),
    );
    if (touched.length === 0) return [];
    const { rows: locked } = await tx.query<{ device_id: string }>(
      prepared(
        `SELECT device_id FROM ${this.capacity} WHERE device_id = ANY($1)
          ORDER BY device_id COLLATE "C" FOR UPDATE`,
        [touched.map((row) => row.device_id)],
      ),
    );
    const { rows: keys } = await tx.query<{ device_id: string; composition_id: string }>(
      prepared(
        `SELECT device_id, composition_id FROM ${this.allocations}
          WHERE (${condition}) AND device_id = ANY($${parameters.length + 1})
          ORDER BY device_id COLLATE "C", composition_id COLLATE "C" FOR UPDATE`,
        [...parameters, locked.map((row) => row.device_id)],
      ),
    );
    if (keys.length === 0) return [];
    const { rows } = await tx.query<AllocationRow>(
      prepared(
        `DELETE FROM ${this.allocations} AS released
          USING unnest($1::text[], $2::text[]) AS doomed(device, composition)
          WHERE released.device_id = doomed.device
            AND released.composition_id = doomed.composition
          RETURNING ${qualified('released', allocationColumns)}`,
        [keys.map((key) => key.device_id), keys.map((key) => key.composition_id)],
      ),
    );
    return rows.map(toAllocation).sort(byDevice);
  }
}
function qualified(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}
