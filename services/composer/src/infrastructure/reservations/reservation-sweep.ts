import { quoteIdentifier, withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import type { Allocation, AllocationLedger } from '../ledger/index.js';
import { composerReservationsSchema } from './postgres-reservation-book.js';

export interface ReservationSweepOptions {
  readonly pool: pg.Pool;
  readonly ledger: AllocationLedger;
  /** Default `composer_reservations`. */
  readonly schema?: string;
  /** Most held rows deleted per run (default 500); the next run takes the rest. */
  readonly batchSize?: number;
}

export interface SweepResult {
  /** Ledger rows released because their reservation expired. */
  readonly released: readonly Allocation[];
  /** Expired holds deleted. */
  readonly expiredHolds: number;
}

/**
 * The job that frees what expired reservations hold: the ledger's expired reservations (holds
 * and attach reservations alike) and the holds past their expiry, in one transaction, so an
 * apply never finds a hold whose devices are gone. Idempotent: a second run at the same time
 * finds nothing. Holds locked by an apply in flight are skipped, not waited for.
 */
export class ReservationSweep {
  private readonly held: string;

  constructor(private readonly options: ReservationSweepOptions) {
    this.held = `${quoteIdentifier(options.schema ?? composerReservationsSchema)}.held`;
  }

  releaseExpiredReservations(now: Date): Promise<SweepResult> {
    return withTransaction(this.options.pool, async (client) => {
      const released = await this.options.ledger.releaseExpired(now, client);
      const { rowCount } = await client.query(
        `DELETE FROM ${this.held} WHERE reservation_id IN (
           SELECT reservation_id FROM ${this.held} WHERE expires_at <= $1
            ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [now, this.options.batchSize ?? 500],
      );
      return { released, expiredHolds: rowCount ?? 0 };
    });
  }
}
