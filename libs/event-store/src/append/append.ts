import type { EventEnvelope } from '@tessera/event-transport';
import type { Queryable } from '@tessera/postgres';
import { ConcurrencyError } from '../errors.js';
import type { StoreTables } from '../tables.js';
import type { AppendResult, ExpectedVersion } from '../types.js';
import type { AppendPlan, AppendTarget } from './append-plan.js';
import { claimAndInsertEvents, insertEvents } from './events-insert.js';
import { findStoredEvents, resolveStoredEvents } from './stored-duplicates.js';

/**
 * Appends inside an open transaction on `db`. Every refusal (conflict, reused id) happens before
 * the first write, and any database error aborts the whole transaction, so nothing partial is
 * ever committed.
 *
 * A numeric expected version (how commands append) takes the short path: one statement claims
 * the stream with a conditional write (`UPDATE … WHERE version = expected`, or the insert of a
 * new stream), which also waits for a concurrent append to the stream, and inserts the events
 * and their outbox rows (and NOTIFYs) only if the claim held. The claim is refused while any of
 * the ids is stored, so only a refused claim looks for them: a retried append (maybe a concurrent
 * one that won) returns its original result, an id reused otherwise throws
 * `DuplicateEventIdError`. `'any'` and `'stream-exists'` lock the stream row first, then look for
 * the ids, then claim, and insert the events with their outbox rows in one more statement.
 */
export async function appendInTransaction(
  db: Queryable,
  target: AppendTarget,
  plan: AppendPlan,
): Promise<AppendResult> {
  const { tables } = target;
  const { streamId, events, expected } = plan;
  if (typeof expected === 'number' || expected === 'no-stream') {
    const current = expected === 'no-stream' ? 0 : expected;
    const envelopes = await claimAndInsertEvents(db, target, plan, current);
    if (!envelopes) return refuseClaim(db, tables, plan);
    return appended(plan, current, envelopes);
  }
  // Two rounds at most: a stream created by another transaction after our look is locked next time.
  for (let round = 1; round <= 2; round += 1) {
    const current = await lockStream(db, tables, streamId);
    const stored = await findStoredEvents(db, tables, events);
    if (stored.length > 0) return resolveStoredEvents(streamId, events, expected, stored);
    checkExpectedVersion(streamId, expected, current ?? 0);
    if (current === undefined) {
      if (!(await createStream(db, tables, streamId, events.length))) continue;
    } else {
      await advanceStream(db, tables, streamId, expected, current, events.length);
    }
    const envelopes = await insertEvents(db, target, plan, current ?? 0);
    return appended(plan, current ?? 0, envelopes);
  }
  throw new ConcurrencyError(
    streamId,
    expected,
    0,
    `stream ${streamId} kept changing while appending`,
  );
}

/** The result of an append that wrote `envelopes` after the stream's version `current`. */
function appended(plan: AppendPlan, current: number, envelopes: EventEnvelope[]): AppendResult {
  return {
    streamId: plan.streamId,
    nextExpectedVersion: current + plan.events.length,
    events: envelopes,
    alreadyAppended: false,
  };
}

/**
 * A refused claim wrote nothing. When ids of the append are stored, `resolveStoredEvents` decides:
 * a retry of an append that succeeded (before, or concurrently and won) gets its original result,
 * any other reuse of an id throws `DuplicateEventIdError`. Otherwise a `ConcurrencyError` says why.
 */
async function refuseClaim(
  db: Queryable,
  tables: StoreTables,
  plan: AppendPlan,
): Promise<AppendResult> {
  const { streamId, events, expected } = plan;
  const stored = await findStoredEvents(db, tables, events);
  if (stored.length > 0) return resolveStoredEvents(streamId, events, expected, stored);
  throw await claimConflict(db, tables, streamId, expected);
}

/**
 * Why a claim on `streamId` (expecting a version or 'no-stream') was refused: the
 * stream is at another version, or its last writer is a transaction younger than this one.
 */
export async function claimConflict(
  db: Queryable,
  tables: StoreTables,
  streamId: string,
  expected: ExpectedVersion,
): Promise<ConcurrencyError> {
  const { rows } = await db.query<{ version: string; in_order: boolean }>(
    `SELECT version, last_transaction_id <= pg_current_xact_id() AS in_order
       FROM ${tables.streams} WHERE stream_id = $1`,
    [streamId],
  );
  const actual = rows[0] ? Number(rows[0].version) : 0;
  if (rows[0] && !rows[0].in_order && actual === (expected === 'no-stream' ? 0 : expected)) {
    return new ConcurrencyError(
      streamId,
      expected,
      actual,
      `stream ${streamId} was last appended by a transaction that started after this one; ` +
        'retry the command in a new transaction',
    );
  }
  return new ConcurrencyError(streamId, expected, actual);
}

async function lockStream(
  db: Queryable,
  tables: StoreTables,
  streamId: string,
): Promise<number | undefined> {
  const { rows } = await db.query<{ version: string }>(
    `SELECT version FROM ${tables.streams} WHERE stream_id = $1 FOR UPDATE`,
    [streamId],
  );
  return rows[0] ? Number(rows[0].version) : undefined;
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  const holds =
    expected === 'any' ||
    (expected === 'no-stream' && actual === 0) ||
    (expected === 'stream-exists' && actual > 0) ||
    expected === actual;
  if (!holds) throw new ConcurrencyError(streamId, expected, actual);
}

/** False when another transaction created the stream first (it has committed by then). */
async function createStream(
  db: Queryable,
  tables: StoreTables,
  streamId: string,
  count: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO ${tables.streams} (stream_id, version, last_transaction_id)
     VALUES ($1, $2, pg_current_xact_id())
     ON CONFLICT (stream_id) DO NOTHING`,
    [streamId, count],
  );
  return rowCount === 1;
}

/**
 * Bumps the locked stream row. Also refuses when the stream's last writer is a transaction that
 * started after this one: readers order the log by transaction id, so writing now would put this
 * stream's newer events before its older ones. Retrying in a new transaction succeeds.
 */
async function advanceStream(
  db: Queryable,
  tables: StoreTables,
  streamId: string,
  expected: ExpectedVersion,
  current: number,
  count: number,
): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE ${tables.streams}
        SET version = version + $3, last_transaction_id = pg_current_xact_id(), updated_at = now()
      WHERE stream_id = $1 AND version = $2 AND last_transaction_id <= pg_current_xact_id()`,
    [streamId, current, count],
  );
  if (rowCount !== 1) {
    throw new ConcurrencyError(
      streamId,
      expected,
      current,
      `stream ${streamId} was last appended by a transaction that started after this one; ` +
        'retry the command in a new transaction',
    );
  }
}
