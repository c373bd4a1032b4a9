import type { EventEnvelope } from '@tessera/event-transport';
import type { Queryable } from '@tessera/postgres';
import { ConcurrencyError } from '../errors.js';
import { writeOutboxRows, type OutboxRouting } from '../outbox/outbox-writer.js';
import type { StoreTables } from '../tables.js';
import type { AppendResult, ExpectedVersion } from '../types.js';
import type { AppendMetadata, ValidatedEvent } from '../validation/validate-append.js';
import { appendedEnvelope, type InsertedEventRow } from './appended-envelope.js';
import { findStoredEvents, resolveStoredEvents } from './stored-duplicates.js';

export interface AppendPlan {
  readonly streamId: string;
  readonly events: readonly ValidatedEvent[];
  readonly expected: ExpectedVersion;
  readonly metadata: AppendMetadata;
}

export interface AppendTarget {
  readonly tables: StoreTables;
  readonly outbox: OutboxRouting | undefined;
  /**
   * NOTIFY the log's readers inside the append's transaction (delivered at its commit). Only for
   * appends joining a caller's transaction, whose commit the store cannot see: a NOTIFY makes
   * Postgres serialize the commits of every notifying transaction (a global lock held through the
   * commit's flush), which caps durable appends near 1,000/s. Appends in a transaction of their
   * own notify after committing instead (`CommitNotifier`).
   */
  readonly notifyInTransaction: boolean;
}

/**
 * Appends inside an open transaction on `db`. Every refusal (conflict, reused id) happens before
 * the first write, and any database error aborts the whole transaction, so nothing partial is
 * ever committed.
 *
 * A numeric expected version (how commands append) takes the short path: look for the ids (a
 * retried append returns its original result), then claim the stream with one conditional write
 * (`UPDATE … WHERE version = expected`, or the insert of a new stream), which also waits for a
 * concurrent append to the stream; insert the events (and NOTIFY on commit) and the outbox rows.
 * A refused claim looks again for the ids, because the winner may have been this very append.
 * `'any'` and `'stream-exists'` lock the stream row first, then look for the ids.
 */
export async function appendInTransaction(
  db: Queryable,
  target: AppendTarget,
  plan: AppendPlan,
): Promise<AppendResult> {
  const { tables } = target;
  const { streamId, events, expected } = plan;
  if (typeof expected === 'number' || expected === 'no-stream') {
    const stored = await findStoredEvents(db, tables, events);
    if (stored.length > 0) return resolveStoredEvents(streamId, events, expected, stored);
    const current = expected === 'no-stream' ? 0 : expected;
    if (!(await claimStream(db, tables, streamId, current, events.length))) {
      return refuseClaim(db, tables, plan);
    }
    return writeEvents(db, target, plan, current);
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
    return writeEvents(db, target, plan, current ?? 0);
  }
  throw new ConcurrencyError(
    streamId,
    expected,
    0,
    `stream ${streamId} kept changing while appending`,
  );
}

async function writeEvents(
  db: Queryable,
  target: AppendTarget,
  plan: AppendPlan,
  current: number,
): Promise<AppendResult> {
  const envelopes = await insertEvents(db, target, plan, current);
  if (target.outbox) await writeOutboxRows(db, target.tables, target.outbox, envelopes);
  return {
    streamId: plan.streamId,
    nextExpectedVersion: current + plan.events.length,
    events: envelopes,
    alreadyAppended: false,
  };
}

/**
 * Moves the stream from `current` to `current + count` in one conditional write: creates it when
 * `current` is 0, bumps it otherwise (with the stream-order guard of `advanceStream`). False when
 * the stream is not at `current` any more (or not yet), after any concurrent append committed.
 */
async function claimStream(
  db: Queryable,
  tables: StoreTables,
  streamId: string,
  current: number,
  count: number,
): Promise<boolean> {
  if (current === 0) return createStream(db, tables, streamId, count);
  const { rowCount } = await db.query(
    `UPDATE ${tables.streams}
        SET version = version + $3, last_transaction_id = pg_current_xact_id(), updated_at = now()
      WHERE stream_id = $1 AND version = $2 AND last_transaction_id <= pg_current_xact_id()`,
    [streamId, current, count],
  );
  return rowCount === 1;
}

/**
 * A refused claim wrote nothing. If the winner was this same append (a concurrent retry), its
 * original result is returned; otherwise a `ConcurrencyError` says why.
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

async function insertEvents(
  db: Queryable,
  { tables, notifyInTransaction }: AppendTarget,
  plan: AppendPlan,
  current: number,
): Promise<EventEnvelope[]> {
  const { events, metadata, streamId } = plan;
  const { rows } = await db.query<InsertedEventRow & { readonly stream_version: string }>(
    // A NOTIFY in the transaction (see AppendTarget) rides along to save a round trip.
    `WITH inserted AS (
       INSERT INTO ${tables.events}
         (id, stream_id, stream_version, type, schema_version, data, correlation_id, causation_id, actor, tenant)
       SELECT x.id, $1, $2 + x.ordinal, x.type, x.schema_version, x.data, $7, $8, $9, $10
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[])
              WITH ORDINALITY AS x(id, type, schema_version, data, ordinal)
        ORDER BY x.ordinal
       RETURNING stream_version, position, recorded_at
     ), notified AS (SELECT CASE WHEN $11::text IS NULL THEN NULL ELSE pg_notify($11, '') END AS done)
     SELECT inserted.* FROM inserted CROSS JOIN notified`,
    [
      streamId,
      current,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map((event) => event.json),
      metadata.correlationId,
      metadata.causationId,
      metadata.actor,
      metadata.tenant,
      notifyInTransaction ? tables.channel : null,
    ],
  );
  const byVersion = new Map(rows.map((row) => [Number(row.stream_version), row]));
  return events.map((event, index) => {
    const streamVersion = current + index + 1;
    const row = byVersion.get(streamVersion);
    if (!row) throw new Error(`insert returned no row for ${streamId} version ${streamVersion}`);
    return appendedEnvelope(event, streamId, streamVersion, metadata, row);
  });
}
