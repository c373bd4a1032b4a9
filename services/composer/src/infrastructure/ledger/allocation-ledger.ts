import {
  migrate,
  type MigrationResult,
  prepared,
  quoteIdentifier,
  withTransaction,
} from '@tessera/postgres';
import type pg from 'pg';
import { ReservationNotFoundError } from './ledger-errors.js';
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
import { reservedOrThrow, type ReservationRow } from './reservation-outcome.js';
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
  private readonly reserveDevices: string;
  private readonly confirmReservation: string;
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
    this.reserveDevices = `${schema}.reserve_devices`;
    this.confirmReservation = `${schema}.confirm_reservation`;
    const holds = `${schema}.lease_holds`;
    this.statements = new LedgerStatements(schema, this.capacity, this.allocations);
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
   * `QuotaExceededError` when the request's tenant would go past a quota of a device kind.
   * Repeating a reservation id with the same composition and devices returns what it holds
   * (reserved or since confirmed); with anything else it throws `ReservationMismatchError`.
   * One round trip: the steps run in `reserve_devices` (ledger migration 7).
   */
  async reserve(request: ReservationRequest, client?: pg.PoolClient): Promise<Allocation[]> {
    const devices = validatedDevices(request);
    const { rows } = await (client ?? this.options.pool).query<ReservationRow>(
      prepared(
        `SELECT refusal, ${allocationColumns}, kind, max_devices, in_use, wanted
           FROM ${this.reserveDevices}($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          devices.map((device) => device.deviceId),
          devices.map((device) => device.maxCompositions),
          devices.map((device) => device.kind ?? null),
          request.compositionId,
          request.owner,
          request.reservationId,
          request.expiresAt,
          request.tenant ?? null,
          request.leaseId ?? null,
        ],
      ),
    );
    return reservedOrThrow(request, devices, rows);
  }

  /**
   * Turns a reservation into allocations that no longer expire. Idempotent. A reservation past
   * its expiry that no sweep has released yet still holds its devices and can be confirmed;
   * one already released throws `ReservationNotFoundError`.
   */
  async confirm(reservationId: string, client?: pg.PoolClient): Promise<Allocation[]> {
    const { rows } = await (client ?? this.options.pool).query<AllocationRow>(
      prepared(`SELECT ${allocationColumns} FROM ${this.confirmReservation}($1)`, [reservationId]),
    );
    if (rows.length === 0) {
      throw new ReservationNotFoundError(reservationId);
    }
    return rows.map(toAllocation).sort(byDevice);
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
