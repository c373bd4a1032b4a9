import type { EventEnvelope } from '@tessera/event-transport';
import { prepared, type Queryable } from '@tessera/postgres';
import type { StoreTables } from '../tables.js';
import type { AppendPlan, AppendTarget } from './append-plan.js';
import { insertTail } from './insert-tail.js';
import {
  appendedEnvelope,
  envelopeBeforeInsert,
  type InsertedEventRow,
} from './appended-envelope.js';

// Statement parameters: $1 stream id, $2 version before the append, $3 event ids, $4 types,
// $5 schema versions, $6 data, $7-$10 metadata, $11 the NOTIFY channel or null, $12-$14 the
// outbox rows (see outboxInsert; only when an event has a topic).

/**
 * Claims the stream and inserts the events and their outbox rows in one statement (one round
 * trip). The claim moves the stream from `current` to `current + count` with one conditional
 * write: it creates the stream when `current` is 0, and otherwise bumps it only if its last
 * writer is not a transaction that started after this one (readers order the log by transaction
 * id, so writing then would put the stream's newer events before its older ones). A concurrent
 * append to the stream is waited for.
 *
 * The claim is also refused when any id of the append is stored already (committed, or written
 * earlier by this transaction), so that the insert never trips over a stored id: that unique
 * violation would abort a caller's transaction, where a refusal must leave it usable.
 *
 * Returns the envelopes, or undefined when the claim was refused and nothing was written.
 */
export async function claimAndInsertEvents(
  db: Queryable,
  target: AppendTarget,
  plan: AppendPlan,
  current: number,
): Promise<EventEnvelope[] | undefined> {
  return insertIfClaimed(db, target, plan, current, claimStatement(target.tables, current));
}

/**
 * Inserts the events (and their outbox rows) of a stream that this transaction has locked and
 * moved on already.
 */
export async function insertEvents(
  db: Queryable,
  target: AppendTarget,
  plan: AppendPlan,
  current: number,
): Promise<EventEnvelope[]> {
  const envelopes = await insertIfClaimed(db, target, plan, current, claimedBeforehand);
  if (!envelopes) throw new Error(`insert returned no rows for ${plan.streamId}`);
  return envelopes;
}

/** The claim of a stream that earlier statements locked and moved on: it always holds. */
const claimedBeforehand = 'SELECT $1::text AS stream_id';

/**
 * The conditional write of `claimAndInsertEvents`, returning the stream id when it held. The
 * stream-order guard reads the transaction id through a subquery, evaluated only when the stream
 * row is checked: the planner's estimate of a bare `pg_current_xact_id()` would assign the
 * transaction an id even when stored ids refuse the claim, and a retried append must stay a pure
 * read (a transaction holding an id holds back the log's readers until it ends).
 */
function claimStatement(tables: StoreTables, current: number): string {
  const idsUnstored = `NOT EXISTS (SELECT 1 FROM ${tables.events} WHERE id = ANY($3::uuid[]))`;
  if (current === 0) {
    return `INSERT INTO ${tables.streams} (stream_id, version, last_transaction_id)
            SELECT $1::text, cardinality($3::uuid[]), pg_current_xact_id() WHERE ${idsUnstored}
            ON CONFLICT (stream_id) DO NOTHING
            RETURNING stream_id`;
  }
  return `UPDATE ${tables.streams}
             SET version = version + cardinality($3::uuid[]), last_transaction_id = pg_current_xact_id(),
                 updated_at = now()
           WHERE stream_id = $1::text AND version = $2
             AND last_transaction_id <= (SELECT pg_current_xact_id())
             AND ${idsUnstored}
          RETURNING stream_id`;
}

/**
 * The events insert, run only when `claim` (a CTE) returned the stream, with the outbox rows of
 * the events that `target.outbox` routes to a topic (decided beforehand, so a bad topic or key
 * refuses the append before any write). A NOTIFY in the transaction (see AppendTarget) rides
 * along to save a round trip, and only when events are written. Undefined when nothing was
 * claimed.
 */
async function insertIfClaimed(
  db: Queryable,
  target: AppendTarget,
  plan: AppendPlan,
  current: number,
  claim: string,
): Promise<EventEnvelope[] | undefined> {
  const { events, metadata, streamId } = plan;
  const beforeInsert = events.map((event, index) =>
    envelopeBeforeInsert(event, streamId, current + index + 1, metadata),
  );
  const { tables } = target;
  const tail = insertTail(target, metadata, beforeInsert);
  const { rows } = await db.query<InsertedEventRow & { readonly stream_version: string }>(
    prepared(
      `WITH claimed AS (${claim}),
     inserted AS (
       INSERT INTO ${tables.events}
         (id, stream_id, stream_version, type, schema_version, data, correlation_id, causation_id, actor, tenant)
       SELECT x.id, $1, $2 + x.ordinal, x.type, x.schema_version, x.data, $7, $8, $9, $10
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[])
              WITH ORDINALITY AS x(id, type, schema_version, data, ordinal)
        WHERE EXISTS (SELECT 1 FROM claimed)
        ORDER BY x.ordinal
       RETURNING id, stream_version, position, recorded_at
     ), notified AS (
       SELECT CASE WHEN $11::text IS NOT NULL AND EXISTS (SELECT 1 FROM claimed)
                   THEN pg_notify($11, '') END AS done
     )${tail.outboxCte}
     SELECT inserted.stream_version, inserted.position, inserted.recorded_at
       FROM inserted CROSS JOIN notified`,
      [
        streamId,
        current,
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => event.schemaVersion),
        events.map((event) => event.json),
        ...tail.parameters,
      ],
    ),
  );
  if (rows.length === 0) return undefined;
  const byVersion = new Map(rows.map((row) => [Number(row.stream_version), row]));
  return beforeInsert.map((before) => {
    const row = byVersion.get(before.streamVersion);
    if (!row) {
      throw new Error(`insert returned no row for ${streamId} version ${before.streamVersion}`);
    }
    return appendedEnvelope(before, row);
  });
}
