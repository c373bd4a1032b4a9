import type { scheduler } from '@tessera/composer-domain';
import type { EventTransport } from '@tessera/event-transport';
import type pg from 'pg';
import type { CandidateSource } from '../application/ports/candidate-source.js';

/** What a candidate source may be built from when the service starts. */
export interface CandidateSourceContext {
  readonly pool: pg.Pool;
  readonly databaseUrl: string;
  /** The service's transport (the inventory's events come through it). */
  readonly transport: EventTransport;
  /** This replica's id (its ledger owner). */
  readonly owner: string;
}

/** Builds the scheduler's candidate index at start (and keeps it fed while the service runs). */
export interface CandidateSourceProvider {
  start(context: CandidateSourceContext): Promise<CandidateSource>;
  /** Stops feeding the index; called once the gRPC server has closed. */
  stop(): Promise<void>;
}

/** A fixed index (tests and demos): the same instance on every call, as the port requires. */
export function fixedCandidateSourceProvider(
  index: scheduler.CandidateIndex,
): CandidateSourceProvider {
  return {
    start: () => Promise.resolve(() => Promise.resolve(index)),
    stop: () => Promise.resolve(),
  };
}
