import {
  migrate,
  type MigrationResult,
  prepared,
  quoteIdentifier,
  withTransaction,
} from '@tessera/postgres';
import type pg from 'pg';
import {
  DeviceUnavailableError,
  ReservationMismatchError,
  ReservationNotFoundError,
} from './ledger-errors.js';
import { ledgerMigrations } from './ledger-migrations.js';
import { LedgerLeaseHolds } from './ledger-lease-holds.js';
import { LedgerQuotas } from './ledger-quotas.js';
import { LedgerStatements } from './ledger-statements.js';
import {
  type Allocation,
  allocationColumns,
  type AllocationRow,
  byDevice,
  type DeviceUsage,
  type ReleaseTarget,
  type ReservationRequest,
  toAllocation,
} from './ledger-records.js';
import { validatedDevices } from './reservation-validation.js';

export interface AllocationLedgerOptions {
  readonly pool: pg.Pool;
  /** Default `composer_ledger`. */
  readonly schema?: string;
}

/**
 * The authority on which composition holds which device (ARCHITECTURE.md, "Allocation
 * correctness"). The scheduler's view is a cache; a reservation here is the decision.
 *
 * Every write takes an optional `client`: pass one that is inside a transaction to commit the
 * ledger change with the composition's events; without it each call is its own transaction.
 *
 * Locking: a write first locks the `device_capacity` rows it touches in device id order (`COLLATE
 * "C"`), then allocation rows in (device, composition) order. Concurrent multi-device
 * reservations, releases and sweeps therefore wait for each other but never deadlock.
 */
export class AllocationLedger {
  readonly schema: string;
  private readonly capacity: string;
  private readonly allocations: string;
  private readonly statements: LedgerStatements;
  /** Tenant quotas per device kind and their usage (migration 2). */
  readonly quotas: LedgerQuotas;
  /** Devices promised to leases for their windows (migration 3). */
  readonly leaseHolds: LedgerLeaseHolds;

  constructor(private readonly options: AllocationLedgerOptions) {
    this.schema = options.schema ?? 'composer_ledger';
    const schema = quoteIdentifier(this.schema);
    this.capacity = `${schema}.device_capacity`;
    this.allocations = `${schema}.allocations`;
    const holds = `${schema}.lease_holds`;
    this.statements = new LedgerStatements(this.capacity, this.allocations, holds);
    this.quotas = new LedgerQuotas(options.pool, schema);
    this.leaseHolds = new LedgerLeaseHolds(
      holds,
      this.allocations,
      this.capacity,
      this.statements,
      this.quotas,
    );
  }

  migrate(): Promise<MigrationResult> {
    return migrate(this.options.pool, this.schema, ledgerMigrations);
  }

  /**
   * Reserves every device for the composition, or none: throws `DeviceUnavailableError` naming
   * each device at its limit (or already in the composition, or promised to another lease), and
   * `QuotaExceededError` when the request's tenant would go past a quota of a device kind. Repeating a reservation id with
   * the same composition and devices returns what it holds (reserved or since confirmed); with
   * anything else it throws `ReservationMismatchError`.
   */
  async reserve(request: ReservationRequest, client?: pg.PoolClient): Promise<Allocation[]> {
    const devices = validatedDevices(request);
    const deviceIds = devices.map((device) => device.deviceId);
    const limits = devices.map((device) => device.maxCompositions);
    return await this.inTransaction(client, async (tx) => {
      await this.statements.lockDevices(tx, deviceIds, limits);
      const { blocked, reservationInUse } = await this.statements.blockedDevices(
        tx,
        request,
        deviceIds,
        limits,
      );
      if (reservationInUse) {
        const held = await this.statements.heldUnder(tx, request.reservationId);
        const sameDevices = held.map((a) => a.deviceId).join('\n') === deviceIds.join('\n');
        if (!sameDevices || held.some((a) => a.compositionId !== request.compositionId)) {
          throw new ReservationMismatchError(request.reservationId);
        }
        return held;
      }
      if (blocked.length > 0) {
        throw new DeviceUnavailableError(blocked);
      }
      await this.quotas.lockAndCheck(tx, request);
      const { rows } = await tx.query<AllocationRow>(
        prepared(
          `INSERT INTO ${this.allocations}
             (device_id, composition_id, state, owner, reservation_id, expires_at,
              tenant, kind, lease_id)
           SELECT device_id, $2, 'reserved', $3, $4, $5, $6, kind, $8
             FROM unnest($1::text[], $7::text[]) AS requested(device_id, kind)
            ORDER BY device_id COLLATE "C"
           RETURNING ${allocationColumns}`,
          [
            deviceIds,
            request.compositionId,
            request.owner,
            request.reservationId,
            request.expiresAt,
            request.tenant ?? null,
            devices.map((device) => device.kind ?? null),
            request.leaseId ?? null,
          ],
        ),
      );
      return rows.map(toAllocation).sort(byDevice);
    });
  }

  /**
   * Turns a reservation into allocations that no longer expire. Idempotent. A reservation past
   * its expiry that no sweep has released yet still holds its devices and can be confirmed;
   * one already released throws `ReservationNotFoundError`.
   */
  confirm(reservationId: string, client?: pg.PoolClient): Promise<Allocation[]> {
    return this.inTransaction(client, async (tx) => {
      // One statement: the rows are locked in the ledger's lock order, then updated.
      const { rows } = await tx.query<AllocationRow>(
        prepared(
          `UPDATE ${this.allocations} allocation SET state = 'allocated', expires_at = NULL
             FROM (SELECT device_id AS locked_device, composition_id AS locked_composition
                     FROM ${this.allocations}
                    WHERE reservation_id = $1
                    ORDER BY device_id COLLATE "C", composition_id COLLATE "C" FOR UPDATE) locked
            WHERE allocation.device_id = locked.locked_device
              AND allocation.composition_id = locked.locked_composition
            RETURNING ${allocationColumns}`,
          [reservationId],
        ),
      );
      if (rows.length === 0) {
        throw new ReservationNotFoundError(reservationId);
      }
      return rows.map(toAllocation).sort(byDevice);
    });
  }

  /**
   * Lets go of one reservation or of everything a composition holds, reserved or allocated;
   * with `owner`, only what that owner reserved. Idempotent: returns what it released, which is
   * nothing the second time.
   */
  release(
    target: ReleaseTarget,
    options: { readonly owner?: string; readonly client?: pg.PoolClient } = {},
  ): Promise<Allocation[]> {
    const [column, value] =
      'reservationId' in target
        ? ['reservation_id', target.reservationId]
        : ['composition_id', target.compositionId];
    const byOwner = options.owner !== undefined;
    return this.inTransaction(options.client, (tx) =>
      this.statements.releaseWhere(
        tx,
        `${column} = $1${byOwner ? ' AND owner = $2' : ''}`,
        byOwner ? [value, options.owner] : [value],
      ),
    );
  }

  /**
   * Lets go of some devices of one composition, reserved or allocated (a device whose detach
   * was observed). Idempotent: returns what it released, which is nothing the second time.
   */
  releaseDevices(
    compositionId: string,
    deviceIds: readonly string[],
    client?: pg.PoolClient,
  ): Promise<Allocation[]> {
    if (deviceIds.length === 0) return Promise.resolve([]);
    return this.inTransaction(client, (tx) =>
      this.statements.releaseWhere(tx, `composition_id = $1 AND device_id = ANY($2::text[])`, [
        compositionId,
        deviceIds,
      ]),
    );
  }

  /** Releases every reservation that expired at or before `now`; confirmed allocations stay. */
  releaseExpired(now: Date, client?: pg.PoolClient): Promise<Allocation[]> {
    return this.inTransaction(client, (tx) =>
      this.statements.releaseWhere(tx, `state = 'reserved' AND expires_at <= $1`, [now]),
    );
  }

  /**
   * Releases the unconfirmed reservations of an owner (a composer replica that crashed).
   * Confirmed allocations belong to their compositions, not to the replica, and stay.
   */
  releaseOwner(owner: string, client?: pg.PoolClient): Promise<Allocation[]> {
    return this.inTransaction(client, (tx) =>
      this.statements.releaseWhere(tx, `state = 'reserved' AND owner = $1`, [owner]),
    );
  }

  async allocationsOf(compositionId: string, client?: pg.PoolClient): Promise<Allocation[]> {
    const { rows } = await (client ?? this.options.pool).query<AllocationRow>(
      `SELECT ${allocationColumns} FROM ${this.allocations} WHERE composition_id = $1`,
      [compositionId],
    );
    return rows.map(toAllocation).sort(byDevice);
  }

  /** Usage of each requested device, in the order asked. */
  async usage(deviceIds: readonly string[], client?: pg.PoolClient): Promise<DeviceUsage[]> {
    const { rows } = await (client ?? this.options.pool).query<{
      device_id: string;
      used: number;
      max_compositions: number;
    }>(`SELECT device_id, used, max_compositions FROM ${this.capacity} WHERE device_id = ANY($1)`, [
      deviceIds,
    ]);
    const known = new Map(rows.map((row) => [row.device_id, row]));
    return deviceIds.map((deviceId) => {
      const row = known.get(deviceId);
      return { deviceId, used: row?.used ?? 0, maxCompositions: row?.max_compositions };
    });
  }

  private inTransaction<T>(
    client: pg.PoolClient | undefined,
    work: (tx: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    return client ? work(client) : withTransaction(this.options.pool, work);
  }
}
