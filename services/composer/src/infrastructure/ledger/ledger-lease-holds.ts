import { QuotaExceededError } from '@tessera/composer-domain';
import type pg from 'pg';
import { DeviceUnavailableError, InvalidReservationError } from './ledger-errors.js';
import { compareText } from './ledger-records.js';
import { countByKind, type LedgerQuotas } from './ledger-quotas.js';
import type { LedgerStatements } from './ledger-statements.js';

/** Devices to promise to a lease for its window [startsAt, endsAt), all or none. */
export interface LeaseHoldRequest {
  readonly leaseId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Each device with its sharing limit from the inventory (1 = exclusive) and its kind. */
  readonly devices: readonly {
    readonly deviceId: string;
    readonly maxCompositions: number;
    readonly kind?: string;
  }[];
  /** The lease's tenant: with device kinds, the hold is checked against its quotas. */
  readonly tenant?: string;
}

/**
 * Holds of devices for leases (ledger migration 3). A hold is taken like a reservation: the
 * device rows are locked in id order, then the devices are checked and the holds inserted, so
 * two admissions wanting the same device queue and the second sees the first's hold. A device
 * cannot be held when another lease's hold overlaps the window, or when compositions that will
 * still hold it at the start (any but those of a lease ending by then) fill its limit.
 */
export class LedgerLeaseHolds {
  constructor(
    private readonly holds: string,
    private readonly allocations: string,
    private readonly capacity: string,
    private readonly statements: LedgerStatements,
    private readonly quotas: LedgerQuotas,
  ) {}

  /**
   * Holds every device or throws `DeviceUnavailableError` naming those that cannot be held, or
   * `QuotaExceededError` when the tenant's open-ended use plus its overlapping leases' holds plus
   * this lease would pass a quota of a kind during the window (a bound: they may not all peak
   * at once).
   */
  async hold(tx: pg.PoolClient, request: LeaseHoldRequest): Promise<void> {
    const devices = validated(request);
    const deviceIds = devices.map((device) => device.deviceId);
    const limits = devices.map((device) => device.maxCompositions);
    await this.statements.lockDevices(tx, deviceIds, limits);
    await tx.query(
      `SELECT 1 FROM ${this.capacity} WHERE device_id = ANY($1)
        ORDER BY device_id COLLATE "C" FOR UPDATE`,
      [deviceIds],
    );
    const { rows: blocked } = await tx.query<{ device_id: string }>(
      `SELECT requested.device_id
         FROM unnest($1::text[], $2::int[]) AS requested(device_id, max_compositions)
        WHERE EXISTS (SELECT 1 FROM ${this.holds} rival
                       WHERE rival.device_id = requested.device_id AND rival.lease_id <> $3
                         AND rival.starts_at < $5 AND $4 < rival.ends_at)
           OR (SELECT count(*) FROM ${this.allocations} held
                WHERE held.device_id = requested.device_id
                  AND (held.lease_id IS NULL OR held.lease_id = $3 OR NOT EXISTS (
                        SELECT 1 FROM ${this.holds} done
                         WHERE done.lease_id = held.lease_id
                           AND done.device_id = held.device_id AND done.ends_at <= $4)))
              >= requested.max_compositions
        ORDER BY requested.device_id COLLATE "C"`,
      [deviceIds, limits, request.leaseId, request.startsAt, request.endsAt],
    );
    if (blocked.length > 0) {
      throw new DeviceUnavailableError(blocked.map((row) => row.device_id));
    }
    await this.checkQuotas(tx, request);
    await tx.query(
      `INSERT INTO ${this.holds} (lease_id, device_id, starts_at, ends_at, tenant, kind)
       SELECT $1, device_id, $3, $4, $5, kind
         FROM unnest($2::text[], $6::text[]) AS requested(device_id, kind)
        ORDER BY device_id COLLATE "C"
       ON CONFLICT (lease_id, device_id) DO NOTHING`,
      [
        request.leaseId,
        deviceIds,
        request.startsAt,
        request.endsAt,
        request.tenant ?? null,
        devices.map((device) => device.kind ?? null),
      ],
    );
  }

  private async checkQuotas(tx: pg.PoolClient, request: LeaseHoldRequest): Promise<void> {
    const { tenant } = request;
    if (tenant === undefined) return;
    const asked = countByKind(request.devices);
    const limited = await this.quotas.lockQuotas(tx, tenant, [...asked.keys()]);
    for (const { kind, maxDevices } of limited) {
      const { rows } = await tx.query<{ committed: number }>(
        `SELECT ((SELECT count(*) FROM ${this.allocations}
                  WHERE tenant = $1 AND kind = $2 AND lease_id IS NULL)
              + (SELECT count(*) FROM ${this.holds}
                  WHERE tenant = $1 AND kind = $2 AND lease_id <> $3
                    AND starts_at < $5 AND $4 < ends_at))::int AS committed`,
        [tenant, kind, request.leaseId, request.startsAt, request.endsAt],
      );
      const committed = rows[0]?.committed ?? 0;
      const wanted = asked.get(kind) ?? 0;
      if (committed + wanted > maxDevices) {
        throw new QuotaExceededError(tenant, kind, maxDevices, committed, wanted);
      }
    }
  }

  /** Lets go of a lease's holds; returns the devices released (none the second time). */
  async release(tx: pg.PoolClient | pg.Pool, leaseId: string): Promise<string[]> {
    const { rows } = await tx.query<{ device_id: string }>(
      `DELETE FROM ${this.holds} WHERE lease_id = $1 RETURNING device_id`,
      [leaseId],
    );
    return rows.map((row) => row.device_id).sort(compareText);
  }

  /** The devices held for a lease. */
  async heldFor(reader: pg.PoolClient | pg.Pool, leaseId: string): Promise<string[]> {
    const { rows } = await reader.query<{ device_id: string }>(
      `SELECT device_id FROM ${this.holds} WHERE lease_id = $1`,
      [leaseId],
    );
    return rows.map((row) => row.device_id).sort(compareText);
  }

  /** Devices held for any lease (other than `exceptLease`) whose window meets [start, end). */
  async promisedDuring(
    reader: pg.PoolClient | pg.Pool,
    start: Date,
    end: Date,
    exceptLease?: string,
  ): Promise<Set<string>> {
    const { rows } = await reader.query<{ device_id: string }>(
      `SELECT DISTINCT device_id FROM ${this.holds}
        WHERE starts_at < $2 AND $1 < ends_at AND lease_id IS DISTINCT FROM $3`,
      [start, end, exceptLease ?? null],
    );
    return new Set(rows.map((row) => row.device_id));
  }
}

function validated(request: LeaseHoldRequest): LeaseHoldRequest['devices'] {
  const invalid = (reason: string): InvalidReservationError =>
    new InvalidReservationError(`lease ${request.leaseId}`, reason);
  if (!request.leaseId) throw invalid('the lease id is empty');
  if (!(request.endsAt.getTime() > request.startsAt.getTime())) {
    throw invalid('the window must end after it starts');
  }
  if (request.devices.length === 0) throw invalid('it names no device');
  const devices = [...request.devices].sort((a, b) => compareText(a.deviceId, b.deviceId));
  devices.forEach((device, at) => {
    if (!Number.isInteger(device.maxCompositions) || device.maxCompositions < 1) {
      throw invalid(`maxCompositions of ${device.deviceId} must be an integer >= 1`);
    }
    if (devices[at - 1]?.deviceId === device.deviceId) {
      throw invalid(`device ${device.deviceId} is named twice`);
    }
  });
  return devices;
}
