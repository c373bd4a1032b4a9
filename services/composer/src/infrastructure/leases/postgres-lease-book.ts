import { randomUUID } from 'node:crypto';
import {
  absentLease,
  evolveLease,
  type LeaseFact,
  type LeaseState,
  leaseEventOf,
  leaseEventSchemaVersion,
  leaseFactOf,
  leaseStreamId,
} from '@tessera/composer-domain';
import { ConcurrencyError, type EventStore, StreamNotFoundError } from '@tessera/event-store';
import { migrate, type MigrationResult, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type {
  DueLease,
  EarlierLeaseRequest,
  LeaseBook,
  LeaseChange,
  LeaseIdempotency,
  LoadedLease,
} from '../../application/leases/index.js';
import { DevicesTakenError } from '../../application/ports/allocation-ledger.js';
import type { CommandContext } from '../../application/ports/command-context.js';
import { VersionConflictError } from '../../application/ports/composition-repository.js';
import { type AllocationLedger, DeviceUnavailableError } from '../ledger/index.js';
import { leaseMigrations } from './lease-migrations.js';
import { LeaseRequestKeys } from './lease-request-keys.js';

export const composerLeasesSchema = 'composer_leases';

export interface PostgresLeaseBookOptions {
  readonly pool: pg.Pool;
  /** The composer's event store: lease events are appended there (`lease-<id>`). */
  readonly store: EventStore;
  readonly ledger: AllocationLedger;
  /** Default `composer_leases`. */
  readonly schema?: string;
}

/**
 * Leases as event streams in the composer's store, with the lease table and the ledger's holds
 * written in the same transaction as their events.
 */
export class PostgresLeaseBook implements LeaseBook {
  readonly schema: string;
  private readonly leases: string;
  private readonly keys: LeaseRequestKeys;

  constructor(private readonly options: PostgresLeaseBookOptions) {
    this.schema = options.schema ?? composerLeasesSchema;
    this.leases = `${quoteIdentifier(this.schema)}.leases`;
    this.keys = new LeaseRequestKeys(options.pool, this.leases);
  }

  migrate(): Promise<MigrationResult> {
    return migrate(this.options.pool, this.schema, leaseMigrations);
  }

  async load(leaseId: string): Promise<LoadedLease> {
    try {
      const { version, events } = await this.options.store.readStream(leaseStreamId(leaseId));
      let state: LeaseState = absentLease;
      for (const event of events) {
        const fact = leaseFactOf({
          type: event.type,
          data: event.data as { leaseId: string } & Record<string, unknown>,
        });
        if (fact) state = evolveLease(state, fact);
      }
      return {
        state,
        version,
        createdAt: events[0]?.recordedAt,
        updatedAt: events[events.length - 1]?.recordedAt,
      };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { state: absentLease, version: 0 };
      throw error;
    }
  }

  async save(change: LeaseChange, context: CommandContext): Promise<void> {
    const { leaseId, state } = change;
    if (state.status === 'absent') throw new Error(`lease ${leaseId} cannot be saved absent`);
    try {
      await this.options.store.transaction(async (client) => {
        await this.options.store.append(
          leaseStreamId(leaseId),
          change.facts.map(newEvent(leaseId)),
          {
            correlationId: context.correlationId,
            actor: context.actor,
            causationId: context.causationId ?? null,
            tenant: context.tenant ?? state.tenant,
            expectedVersion: change.expectedVersion === 0 ? 'no-stream' : change.expectedVersion,
            client,
          },
        );
        if (change.hold) await this.hold(client, leaseId, state.tenant, change.hold);
        if (change.releaseHolds) await this.options.ledger.leaseHolds.release(client, leaseId);
        await client.query(
          `INSERT INTO ${this.leases}
             (lease_id, tenant, name, status, starts_at, ends_at, warned, version,
            idempotency_key, request_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (lease_id) DO UPDATE SET status = EXCLUDED.status,
             warned = EXCLUDED.warned, version = EXCLUDED.version`,
          [
            leaseId,
            state.tenant,
            state.name,
            state.status,
            state.start,
            state.end,
            state.warned,
            change.expectedVersion + change.facts.length,
            ...this.keys.columnsOf(change.idempotency),
          ],
        );
      });
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw new VersionConflictError(leaseStreamId(leaseId), { cause: error });
      }
      throw this.keys.translated(error, change.idempotency);
    }
  }

  async due(now: Date, warnAheadMs: number, limit: number): Promise<DueLease[]> {
    const warnBy = new Date(now.getTime() + warnAheadMs);
    const { rows } = await this.options.pool.query<DueLease & { at: Date }>(
      `SELECT lease_id AS "leaseId", action, at FROM (
         SELECT lease_id, 'start' AS action, starts_at AS at FROM ${this.leases}
          WHERE status = 'admitted' AND starts_at <= $1
         UNION ALL
         SELECT lease_id, 'end', ends_at FROM ${this.leases}
          WHERE status = 'started' AND ends_at <= $1
         UNION ALL
         SELECT lease_id, 'warn', ends_at FROM ${this.leases}
          WHERE status = 'started' AND NOT warned AND ends_at > $1 AND ends_at <= $2
       ) due
       ORDER BY at, CASE action WHEN 'end' THEN 0 WHEN 'warn' THEN 1 ELSE 2 END, lease_id
       LIMIT $3`,
      [now, warnBy, limit],
    );
    return rows.map(({ leaseId, action }) => ({ leaseId, action }));
  }

  earlierRequest(idempotency: LeaseIdempotency): Promise<EarlierLeaseRequest> {
    return this.keys.earlierRequest(idempotency);
  }

  promisedDuring(start: Date, end: Date): Promise<ReadonlySet<string>> {
    return this.options.ledger.leaseHolds.promisedDuring(this.options.pool, start, end);
  }

  private async hold(
    client: pg.PoolClient,
    leaseId: string,
    tenant: string,
    hold: NonNullable<LeaseChange['hold']>,
  ): Promise<void> {
    try {
      await this.options.ledger.leaseHolds.hold(client, {
        leaseId,
        tenant,
        startsAt: hold.start,
        endsAt: hold.end,
        devices: hold.devices,
      });
    } catch (error) {
      if (error instanceof DeviceUnavailableError) {
        throw new DevicesTakenError(error.deviceIds, { cause: error });
      }
      throw error;
    }
  }
}

function newEvent(leaseId: string): (fact: LeaseFact) => {
  id: string;
  schemaVersion: number;
  type: string;
  data: Record<string, unknown>;
} {
  return (fact) => ({
    id: randomUUID(),
    schemaVersion: leaseEventSchemaVersion,
    ...leaseEventOf(leaseId, fact),
  });
}
