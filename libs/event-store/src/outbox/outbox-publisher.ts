import type { EventEnvelope, EventTransport, OutgoingMessage } from '@tessera/event-transport';
import {
  commitSafeAfter,
  commitSafeParameters,
  logStart,
  type LogPosition,
  type Queryable,
} from '@tessera/postgres';
import type { StoreTables } from '../tables.js';

/** Messages the transport accepted for one topic, before the outbox rows are deleted. */
export interface PublishedBatch {
  readonly topic: string;
  readonly messages: readonly OutgoingMessage[];
}

interface OutboxRow {
  readonly position: string;
  readonly transaction_id: string;
  readonly topic: string;
  readonly message_key: string;
  readonly envelope: EventEnvelope;
}

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
      `SELECT o.position, o.transaction_id::text AS transaction_id, o.topic, o.message_key, o.envelope
         FROM ${tables.outbox} o
        WHERE ${commitSafeAfter(1, 'o')}
        ORDER BY o.transaction_id, o.position
        LIMIT $3`,
      [...commitSafeParameters(this.after), this.options.batchSize],
    );
    let published = 0;
    for (const run of runsByTopic(rows)) {
      const last = run.rows.at(-1);
      if (!last) continue;
      const messages = run.rows.map((row) => ({ key: row.message_key, envelope: row.envelope }));
      await transport.publish(run.topic, messages);
      await onPublished?.({ topic: run.topic, messages });
      await db.query(`DELETE FROM ${tables.outbox} WHERE position = ANY($1::bigint[])`, [
        run.rows.map((row) => row.position),
      ]);
      this.after = { transactionId: last.transaction_id, position: Number(last.position) };
      published += messages.length;
      this.options.onProgress(messages.length);
    }
    return published;
  }
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
