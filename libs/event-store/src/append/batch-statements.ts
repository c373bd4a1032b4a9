import type { EventEnvelope } from '@tessera/event-transport';
import type { Queryable } from '@tessera/postgres';
import type { StoreTables } from '../tables.js';
import type { AppendMetadata } from '../validation/validate-append.js';
import type { ValidatedEntry } from '../validation/validate-append-many.js';
import type { AppendTarget } from './append-plan.js';
import { insertTail } from './insert-tail.js';
import {
  appendedEnvelope,
  envelopeBeforeInsert,
  type InsertedEventRow,
} from './appended-envelope.js';
import { findStoredEvents, type StoredMatch } from './stored-duplicates.js';

// The statements of `appendMany`, each one round trip whatever the number of entries. They run
// inside one transaction; none of them refuses by throwing: the caller decides from the answers.

/** The stream's version before the entry's events: 0 for a new stream. */
export const versionBefore = (entry: ValidatedEntry): number =>
  entry.expected === 'no-stream' ? 0 : entry.expected;

/**
 * The stored events whose ids appear in `entries`, grouped by stream id, each group in the order
 * of its entry with `ordinal` counted within the entry (as `resolveStoredEvents` reads it).
 */
export async function findStoredEntries(
  db: Queryable,
  tables: StoreTables,
  entries: readonly ValidatedEntry[],
): Promise<Map<string, StoredMatch[]>> {
  const entryOfEvent: { entry: ValidatedEntry; offset: number }[] = [];
  for (const entry of entries) {
    const offset = entryOfEvent.length;
    entryOfEvent.push(...entry.events.map(() => ({ entry, offset })));
  }
  const stored = await findStoredEvents(
    db,
    tables,
    entries.flatMap((entry) => entry.events),
  );
  const groups = new Map<string, StoredMatch[]>();
  for (const row of stored) {
    const ordinal = Number(row.ordinal);
    const owner = entryOfEvent[ordinal - 1];
    if (!owner) throw new Error(`stored-event lookup returned ordinal ${ordinal} out of range`);
    const group = groups.get(owner.entry.streamId) ?? [];
    group.push({ ...row, ordinal: String(ordinal - owner.offset) });
    groups.set(owner.entry.streamId, group);
  }
  return groups;
}

/**
 * Creates the streams of entries that expect a new stream, in stream-id order (two batches that
 * share new streams then wait for each other instead of deadlocking). Returns the ids created:
 * an id missing is a stream that exists already, or that a concurrent transaction created first
 * (it has committed by then).
 */
export async function createStreams(
  db: Queryable,
  tables: StoreTables,
  entries: readonly ValidatedEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const { rows } = await db.query<{ stream_id: string }>(
    `INSERT INTO ${tables.streams} (stream_id, version, last_transaction_id)
     SELECT x.stream_id, x.version, pg_current_xact_id()
       FROM unnest($1::text[], $2::bigint[]) AS x(stream_id, version)
      ORDER BY x.stream_id
     ON CONFLICT (stream_id) DO NOTHING
     RETURNING stream_id`,
    [entries.map((entry) => entry.streamId), entries.map((entry) => entry.events.length)],
  );
  return new Set(rows.map((row) => row.stream_id));
}

/**
 * Moves existing streams from their expected version on, with the stream-order guard of the
 * single append (a stream last written by a younger transaction is refused). The rows are locked
 * first in stream-id order, so two batches that share streams cannot deadlock, and then every
 * claim is decided on committed, locked rows. Returns the ids advanced; a missing id is refused.
 */
export async function advanceStreams(
  db: Queryable,
  tables: StoreTables,
  entries: readonly ValidatedEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const streamIds = entries.map((entry) => entry.streamId);
  await db.query(
    `SELECT 1 FROM ${tables.streams} WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE`,
    [streamIds],
  );
  const { rows } = await db.query<{ stream_id: string }>(
    `UPDATE ${tables.streams} s
        SET version = x.expected + x.count, last_transaction_id = pg_current_xact_id(), updated_at = now()
       FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS x(stream_id, expected, count)
      WHERE s.stream_id = x.stream_id AND s.version = x.expected
        AND s.last_transaction_id <= pg_current_xact_id()
     RETURNING s.stream_id`,
    [streamIds, entries.map(versionBefore), entries.map((entry) => entry.events.length)],
  );
  return new Set(rows.map((row) => row.stream_id));
}

/**
 * Inserts the events of every entry (whose streams this transaction claimed) and their outbox
 * rows (see `insertEvents`) in one statement, in entry order, with the NOTIFY a single append
 * would send in its transaction (see AppendTarget). Returns each entry's envelopes.
 */
export async function insertEntryEvents(
  db: Queryable,
  target: AppendTarget,
  entries: readonly ValidatedEntry[],
  metadata: AppendMetadata,
): Promise<EventEnvelope[][]> {
  const beforeInsert = entries.map((entry) =>
    entry.events.map((event, index) =>
      envelopeBeforeInsert(event, entry.streamId, versionBefore(entry) + index + 1, metadata),
    ),
  );
  const events = beforeInsert.flat();
  const { tables } = target;
  const tail = insertTail(target, metadata, events);
  const { rows: inserted } = await db.query<InsertedEventRow & { readonly id: string }>(
    // A NOTIFY in the transaction (see AppendTarget) rides along to save a round trip.
    `WITH inserted AS (
       INSERT INTO ${tables.events}
         (id, stream_id, stream_version, type, schema_version, data, correlation_id, causation_id, actor, tenant)
       SELECT x.id, x.stream_id, x.stream_version, x.type, x.schema_version, x.data, $7, $8, $9, $10
         FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::jsonb[])
              WITH ORDINALITY AS x(id, stream_id, stream_version, type, schema_version, data, ordinal)
        ORDER BY x.ordinal
       RETURNING id, position, recorded_at
     ), notified AS (SELECT CASE WHEN $11::text IS NULL THEN NULL ELSE pg_notify($11, '') END AS done)${tail.outboxCte}
     SELECT inserted.* FROM inserted CROSS JOIN notified`,
    [
      events.map((event) => event.id),
      events.map((event) => event.streamId),
      events.map((event) => event.streamVersion),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      entries.flatMap((entry) => entry.events.map((event) => event.json)),
      ...tail.parameters,
    ],
  );
  const byId = new Map(inserted.map((row) => [row.id, row]));
  return beforeInsert.map((entryEvents) =>
    entryEvents.map((before) => {
      const row = byId.get(before.id);
      if (!row) throw new Error(`insert returned no row for event ${before.id}`);
      return appendedEnvelope(before, row);
    }),
  );
}
