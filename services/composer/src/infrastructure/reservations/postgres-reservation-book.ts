import { compositionStreamId } from '@tessera/composer-domain';
import type { EventStore } from '@tessera/event-store';
import { migrate, type MigrationResult, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import { DevicesTakenError } from '../../application/ports/allocation-ledger.js';
import type { CommandContext } from '../../application/ports/command-context.js';
import {
  type ApplyResult,
  type EarlierApplication,
  type HeldReservation,
  type NewHold,
  type ReservationApplication,
  type ReservationBook,
  ReservationExpiredError,
  HeldReservationNotFoundError,
} from '../../application/reserve/index.js';
import { type AllocationLedger, DeviceUnavailableError } from '../ledger/index.js';
import { IdempotencyKeys, specHash } from '../persistence/idempotency-keys.js';
import { newCompositionEvent } from '../persistence/new-composition-event.js';
import { heldOf, type HeldRow, kindsOf } from './held-rows.js';
import { reservationMigrations } from './reservation-migrations.js';

export const composerReservationsSchema = 'composer_reservations';

export interface PostgresReservationBookOptions {
  readonly pool: pg.Pool;
  /** The composer's event store: applied compositions are appended there. */
  readonly store: EventStore;
  readonly ledger: AllocationLedger;
  /** Where requests' idempotency keys are kept (`composerRequestsSchema`). */
  readonly requestsSchema: string;
  /** Default `composer_reservations`. */
  readonly schema?: string;
}

/**
 * Holds in Postgres beside the ledger and the event store, so that a hold and its ledger rows,
 * and an apply with its facts, key and ledger change, each commit in one transaction.
 */
export class PostgresReservationBook implements ReservationBook {
  readonly schema: string;
  private readonly held: string;
  private readonly keys: IdempotencyKeys;
  private readonly keysTable: string;

  constructor(private readonly options: PostgresReservationBookOptions) {
    this.schema = options.schema ?? composerReservationsSchema;
    this.held = `${quoteIdentifier(this.schema)}.held`;
    this.keys = new IdempotencyKeys(options.requestsSchema);
    this.keysTable = `${quoteIdentifier(options.requestsSchema)}.idempotency_keys`;
  }

  migrate(): Promise<MigrationResult> {
    return migrate(this.options.pool, this.schema, reservationMigrations);
  }

  async hold({ held, owner, devices }: NewHold): Promise<void> {
    await this.options.store.transaction(async (client) => {
      try {
        await this.options.ledger.reserve(
          {
            reservationId: held.reservationId,
            compositionId: held.compositionId,
            owner,
            expiresAt: held.expiresAt,
            devices,
            tenant: held.spec.tenant,
          },
          client,
        );
      } catch (error) {
        if (error instanceof DeviceUnavailableError) {
          throw new DevicesTakenError(error.deviceIds, { cause: error });
        }
        throw error;
      }
      await client.query(
        `INSERT INTO ${this.held}
           (reservation_id, composition_id, spec, assignment, reserved_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          held.reservationId,
          held.compositionId,
          JSON.stringify(held.spec),
          JSON.stringify(held.assignment),
          held.reservedBy,
          held.expiresAt,
        ],
      );
    });
  }

  async find(reservationId: string): Promise<HeldReservation | undefined> {
    const { rows } = await this.options.pool.query<HeldRow>(
      `SELECT * FROM ${this.held} WHERE reservation_id = $1`,
      [reservationId],
    );
    return rows[0] === undefined ? undefined : heldOf(rows[0]);
  }

  apply(application: ReservationApplication, context: CommandContext): Promise<ApplyResult> {
    const { held, idempotencyKey } = application;
    return this.options.store.transaction(async (client) => {
      // The key first: a concurrent apply with the same key waits here and then answers the
      // composition this one created.
      const hash = applicationHash(held.reservationId);
      const claim = await this.keys.claim(client, idempotencyKey, held.compositionId, hash);
      if (!claim.claimed) {
        return judged(claim.compositionId, claim.specHash, held.reservationId);
      }
      await this.takeHold(client, held.reservationId, application.now);
      await this.keepDevicesForAttach(client, application);
      await this.options.store.append(
        compositionStreamId(held.compositionId),
        application.facts.map(newCompositionEvent(held.compositionId)),
        {
          correlationId: context.correlationId,
          actor: context.actor,
          causationId: context.causationId ?? null,
          tenant: context.tenant ?? null,
          expectedVersion: 'no-stream',
          client,
        },
      );
      return { outcome: 'composed' };
    });
  }

  async earlierApplication(
    idempotencyKey: string,
    reservationId: string,
  ): Promise<EarlierApplication> {
    const { rows } = await this.options.pool.query<{ composition_id: string; spec_hash: string }>(
      `SELECT composition_id, spec_hash FROM ${this.keysTable} WHERE key = $1`,
      [idempotencyKey],
    );
    const [earlier] = rows;
    return earlier === undefined
      ? { outcome: 'none' }
      : judged(earlier.composition_id, earlier.spec_hash, reservationId);
  }

  /** Deletes the hold, or throws when it is gone or expired (rolling the apply back). */
  private async takeHold(client: pg.PoolClient, reservationId: string, now: Date): Promise<void> {
    const { rows } = await client.query<{ expires_at: Date }>(
      `DELETE FROM ${this.held} WHERE reservation_id = $1 RETURNING expires_at`,
      [reservationId],
    );
    const [taken] = rows;
    if (taken === undefined) {
      throw new HeldReservationNotFoundError(reservationId);
    }
    if (taken.expires_at.getTime() <= now.getTime()) {
      throw new ReservationExpiredError(reservationId, taken.expires_at);
    }
  }

  /**
   * Moves the held devices' ledger expiry from the hold's end to the attach deadline: released
   * and reserved again under the same id in this transaction, which keeps their locks, so no
   * other writer sees them free. Devices a sweep released already mean the hold expired. They
   * are reserved again for the spec's tenant with their kinds, so they stay in its quota usage.
   */
  private async keepDevicesForAttach(
    client: pg.PoolClient,
    { held, attachDeadline, owner }: ReservationApplication,
  ): Promise<void> {
    const { ledger } = this.options;
    const heldDeviceIds = held.assignment.groups.flatMap(({ deviceIds }) => deviceIds);
    const released = await ledger.release({ reservationId: held.reservationId }, { client });
    if (released.length !== heldDeviceIds.length) {
      throw new ReservationExpiredError(held.reservationId, held.expiresAt);
    }
    const usage = await ledger.usage(heldDeviceIds, client);
    const kinds = kindsOf(held);
    await ledger.reserve(
      {
        reservationId: held.reservationId,
        compositionId: held.compositionId,
        owner,
        expiresAt: attachDeadline,
        devices: usage.map(({ deviceId, maxCompositions }) => ({
          deviceId,
          maxCompositions: maxCompositions ?? 1,
          kind: kinds.get(deviceId),
        })),
        tenant: held.spec.tenant,
      },
      client,
    );
  }
}

/** What an apply records as its key's "spec": the reservation it applied. */
function applicationHash(reservationId: string): string {
  return specHash({ appliedReservation: reservationId });
}

function judged(
  compositionId: string,
  hash: string,
  reservationId: string,
): Exclude<EarlierApplication, { readonly outcome: 'none' }> {
  return hash === applicationHash(reservationId)
    ? { outcome: 'applied', compositionId }
    : { outcome: 'other', compositionId };
}
