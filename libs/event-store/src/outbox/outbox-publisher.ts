import type { EventEnvelope, EventTransport, OutgoingMessage } from '@tessera/event-transport';
import {
  commitSafeAfter,
  commitSafeParameters,
  logStart,
  type LogPosition,
  type Queryable,
} from '@tessera/postgres';
import { envelopeColumns, envelopeFromRow, type EnvelopeRow } from '../event-rows.js';
import type { StoreTables } from '../tables.js';

/** Messages the transport accepted for one topic, before the outbox rows are deleted. */
export interface PublishedBatch {
  readonly topic: string;
  readonly messages: readonly OutgoingMessage[];
}

/** An outbox row joined to its event (whose columns are null if the event were missing). */
type OutboxRow = {
  readonly outbox_position: string;
  readonly transaction_id: string;
  readonly topic: string;
  readonly message_key: string;
} & (EnvelopeRow | { readonly [column in keyof EnvelopeRow]: null });

export interface OutboxPublisherOptions {
  readonly db: Queryable;
  readonly tables: StoreTables;
  readonly transport: EventTransport;
  readonly batchSize: number;
  readonly onPublished: ((batch: PublishedBatch) => Promise<void>) | undefined;
  readonly onProgress: (publishedMessages: number) => void;
}

/**
 * Publishes outbox rows in commit-safe order, one topic run at a time: publish, await the
 * `onPublished` hook, then delete the rows. A crash before the delete republishes those rows
 * (at-least-once); a crash before the publish loses nothing.
 *
 * A row references its event; the envelope is built from the events row as the store's readers
 * build it, but never upcast: consumers get the event as stored. Its `data` is the stored jsonb,
 * which may differ from the appended object only in jsonb's normalisation (key order, the
 * spelling of numbers).
 */
export class OutboxPublisher {
  /** Rows up to here are published and deleted; commit-safe order means none can appear below. */
  private after: LogPosition = logStart;

  constructor(private readonly options: OutboxPublisherOptions) {}

  /** Publishes the next batch; returns how many messages it published. */
  async publishNext(): Promise<number> {
    const { db, tables, transport, onPublished } = this.options;
    const { rows } = await db.query<OutboxRow>(
      // Ordered by the xid8 column itself (qualified): the unqualified name would sort the text copy.
      `SELECT o.position AS outbox_position, o.transaction_id::text AS transaction_id, o.topic,
              o.message_key, ${envelopeColumns}
         FROM ${tables.outbox} o
         LEFT JOIN ${tables.events} e ON e.position = o.position
        WHERE ${commitSafeAfter(1, 'o')}
        ORDER BY o.transaction_id, o.position
        LIMIT $3`,
      [...commitSafeParameters(this.after), this.options.batchSize],
    );
    let published = 0;
    for (const run of runsByTopic(rows)) {
      const last = run.rows.at(-1);
      if (!last) continue;
      const messages = run.rows.map((row) => ({ key: row.message_key, envelope: envelopeOf(row) }));
      await transport.publish(run.topic, messages);
      await onPublished?.({ topic: run.topic, messages });
      await db.query(`DELETE FROM ${tables.outbox} WHERE position = ANY($1::bigint[])`, [
        run.rows.map((row) => row.outbox_position),
      ]);
      this.after = { transactionId: last.transaction_id, position: Number(last.outbox_position) };
      published += messages.length;
      this.options.onProgress(messages.length);
    }
    return published;
  }
}

/**
 * The envelope to publish for `row`. Its event is always there (the row is written by the
 * statement that inserts the event, and events are never deleted); if it were not, the relay
 * fails loudly and keeps the row rather than skip a message.
 */
function envelopeOf(row: OutboxRow): EventEnvelope {
  if (row.id === null) {
    throw new Error(`outbox row at position ${row.outbox_position} references no stored event`);
  }
  return envelopeFromRow(row);
}

/** Consecutive rows with the same topic, in order: each run is one publish call. */
function runsByTopic(rows: readonly OutboxRow[]): { topic: string; rows: OutboxRow[] }[] {
  const runs: { topic: string; rows: OutboxRow[] }[] = [];
  for (const row of rows) {
    const current = runs.at(-1);
    if (current?.topic === row.topic) {
      current.rows.push(row);
    } else {
      runs.push({ topic: row.topic, rows: [row] });
    }
  }
  return runs;
}
