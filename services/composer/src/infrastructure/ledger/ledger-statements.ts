import { prepared } from '@tessera/postgres';
import type pg from 'pg';
import {
  type Allocation,
  allocationColumns,
  type AllocationRow,
  byDevice,
  toAllocation,
} from './ledger-records.js';
import { promisedElsewhere } from './hold-windows-migration.js';

/**
 * The ledger's locking statements, shared by its operations. Each runs on the caller's
 * transaction; the lock order they keep (capacity rows by device id, `COLLATE "C"`, then
 * allocation rows by device and composition) is what makes concurrent writers deadlock-free.
 */
export class LedgerStatements {
  constructor(
    private readonly capacity: string,
    private readonly allocations: string,
    private readonly holds: string,
  ) {}

  /**
   * Creates missing capacity rows and locks all of them in id order. The stored limit follows
   * the inventory's, except that it is not lowered below current use (the CHECK would refuse
   * it); a lowered limit takes effect once enough compositions have let go.
   */
  async lockDevices(
    tx: pg.PoolClient,
    deviceIds: readonly string[],
    limits: readonly number[],
  ): Promise<void> {
    await tx.query(
      prepared(
        `INSERT INTO ${this.capacity} AS capacity (device_id, max_compositions)
         SELECT device_id, max_compositions
           FROM unnest($1::text[], $2::int[]) AS requested(device_id, max_compositions)
          ORDER BY device_id COLLATE "C"
         ON CONFLICT (device_id) DO UPDATE SET max_compositions = EXCLUDED.max_compositions
          WHERE capacity.max_compositions <> EXCLUDED.max_compositions
            AND capacity.used <= EXCLUDED.max_compositions`,
        [deviceIds, limits],
      ),
    );
  }

  async heldUnder(tx: pg.PoolClient, reservationId: string): Promise<Allocation[]> {
    const { rows } = await tx.query<AllocationRow>(
      `SELECT ${allocationColumns} FROM ${this.allocations} WHERE reservation_id = $1`,
      [reservationId],
    );
    return rows.map(toAllocation).sort(byDevice);
  }

  /**
   * Devices (locked by the caller) that cannot take this composition: at their limit, already
   * in it, or promised to another lease (ledger migration 4: for a composition of a lease
   * holding the device, a hold overlapping that lease's window; otherwise any hold not over).
   * In the same statement, whether anything is held under `reservationId` already (a repeated
   * reservation, or a reused id): the caller then looks at what (`heldUnder`).
   *
   * `capacity.device_id = ANY($1)` repeats the join's condition for the prepared statement's
   * generic plan, which cannot know how many devices come: without it, that plan reads every
   * capacity row into a hash table.
   */
  async blockedDevices(
    tx: pg.PoolClient,
    request: {
      readonly compositionId: string;
      readonly reservationId: string;
      readonly leaseId?: string;
    },
    deviceIds: readonly string[],
    limits: readonly number[],
  ): Promise<{ readonly blocked: string[]; readonly reservationInUse: boolean }> {
    const { rows } = await tx.query<{ device_id: string; under_reservation: boolean }>(
      prepared(
        `(SELECT requested.device_id, false AS under_reservation
            FROM unnest($1::text[], $2::int[]) AS requested(device_id, max_compositions)
            JOIN ${this.capacity} capacity USING (device_id)
           WHERE capacity.device_id = ANY($1::text[])
             AND (capacity.used >= LEAST(capacity.max_compositions, requested.max_compositions)
                  OR EXISTS (SELECT 1 FROM ${this.allocations} held
                              WHERE held.device_id = requested.device_id
                                AND held.composition_id = $3)
                  OR ${promisedElsewhere(this.holds, '$4::text')})
           ORDER BY requested.device_id COLLATE "C")
         UNION ALL
         (SELECT device_id, true FROM ${this.allocations} WHERE reservation_id = $5 LIMIT 1)`,
        [deviceIds, limits, request.compositionId, request.leaseId ?? null, request.reservationId],
      ),
    );
    return {
      blocked: rows.filter((row) => !row.under_reservation).map((row) => row.device_id),
      reservationInUse: rows.some((row) => row.under_reservation),
    };
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
