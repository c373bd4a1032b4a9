import type { scheduler } from '@tessera/composer-domain';
import type { ReserveDeps } from '../application/reserve/index.js';
import { composerRequestsSchema } from '../infrastructure/persistence/index.js';
import {
  composerReservationsSchema,
  PostgresReservationBook,
  ReservationSweep,
} from '../infrastructure/reservations/index.js';
import type { ComposerFixture, ComposerReplica } from './composer-fixture.js';

/** A composer replica that can also reserve and apply, with the sweep over its database. */
export interface ReservingReplica extends ComposerReplica {
  readonly deps: ReserveDeps;
  readonly book: PostgresReservationBook;
  readonly sweep: ReservationSweep;
}

/** A replica of the fixture whose reservation tables are migrated. */
export async function reservingReplica(
  fixture: ComposerFixture,
  owner: string,
  lab: () => scheduler.CandidateIndex,
): Promise<ReservingReplica> {
  const replica = fixture.replica(owner, lab);
  const { pool, store, ledger } = replica.persistence;
  const book = new PostgresReservationBook({
    pool,
    store,
    ledger,
    requestsSchema: composerRequestsSchema,
  });
  await book.migrate();
  return {
    ...replica,
    deps: { ...replica.deps, reservations: book },
    book,
    sweep: new ReservationSweep({ pool, ledger }),
  };
}

/** How many holds are stored, to show that an apply or a sweep removed one. */
export async function heldCount(replica: ReservingReplica): Promise<number> {
  const { rows } = await replica.persistence.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${composerReservationsSchema}.held`,
  );
  return rows[0]?.n ?? 0;
}

/** The replica's dependencies with its clock moved `seconds` past `at`. */
export function laterBy(replica: ReservingReplica, at: Date, seconds: number): ReserveDeps {
  return { ...replica.deps, clock: { now: () => new Date(at.getTime() + seconds * 1000) } };
}
