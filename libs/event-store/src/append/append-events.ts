import { withTransaction, type Queryable } from '@tessera/postgres';
import type pg from 'pg';
import { DuplicateEventIdError, NotInTransactionError } from '../errors.js';
import type { AppendOptions, AppendResult, NewEvent } from '../types.js';
import {
  validateEvents,
  validateExpectedVersion,
  validateMetadata,
  validateStreamId,
} from '../validation/validate-append.js';
import type { AppendTarget } from './append-plan.js';
import { appendInTransaction } from './append.js';

export interface AppendDeps {
  readonly pool: pg.Pool;
  readonly target: AppendTarget;
  readonly maxPayloadBytes: number;
}

/**
 * Validates everything before touching the database, then appends in the caller's transaction
 * (`options.client`) or in a transaction of its own.
 */
export async function appendEvents(
  deps: AppendDeps,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  const plan = {
    streamId: validateStreamId(streamId),
    events: validateEvents(events, deps.maxPayloadBytes),
    expected: validateExpectedVersion(options.expectedVersion),
    metadata: validateMetadata(options),
  };
  return inAppendTransaction(deps.pool, options.client, (db) =>
    appendInTransaction(db, deps.target, plan),
  );
}

/**
 * Runs `work` in the caller's transaction (`client`, which must be inside one) or in a
 * transaction of its own. An id stored concurrently by another append surfaces as
 * `DuplicateEventIdError`.
 */
export async function inAppendTransaction<T>(
  pool: pg.Pool,
  client: pg.ClientBase | undefined,
  work: (db: Queryable) => Promise<T>,
): Promise<T> {
  try {
    if (client) {
      if (client.getTransactionStatus() !== 'T') throw new NotInTransactionError();
      return await work(client);
    }
    return await withTransaction(pool, work);
  } catch (error) {
    throw translateUniqueViolation(error);
  }
}

/**
 * An id stored concurrently by another stream's append surfaces as a unique violation on the
 * events' id (the transaction is aborted by then, so nothing of this append is stored).
 */
function translateUniqueViolation(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, constraint, detail } = error as {
    code?: unknown;
    constraint?: unknown;
    detail?: unknown;
  };
  if (code !== '23505' || constraint !== 'events_id_key') return error;
  const id = typeof detail === 'string' ? /\(id\)=\(([^)]+)\)/.exec(detail)?.[1] : undefined;
  return new DuplicateEventIdError(
    id ?? '(unknown)',
    'another append stored it concurrently; this append was rolled back',
  );
}
