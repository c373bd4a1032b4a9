import type pg from 'pg';
import {
  commitSafeAfter,
  commitSafeParameters,
  type LogPosition,
  logStart,
  prepared,
} from '@tessera/postgres';
import type { EventEnvelope } from '../envelope.js';
import type { LogTables } from './log-schema.js';

export interface LogRow {
  readonly position: LogPosition;
  readonly key: string;
  readonly envelope: EventEnvelope;
  readonly headers: Record<string, string>;
}

/**
 * The next messages of `topic` after `after`, in commit-safe order: a message whose
 * transaction might still commit "behind" the reader is not returned until it is safe.
 */
export async function readLogBatch(
  client: pg.ClientBase,
  tables: LogTables,
  topic: string,
  after: LogPosition,
  limit: number,
): Promise<LogRow[]> {
  // The text copies get names of their own: ORDER BY would otherwise sort by the text.
  const { rows } = await client.query<{
    transaction_id_text: string;
    position_text: string;
    key: string;
    envelope: EventEnvelope;
    headers: Record<string, string>;
  }>(
    prepared(
      `SELECT transaction_id::text AS transaction_id_text, position::text AS position_text,
              key, envelope, headers
         FROM ${tables.messages}
        WHERE topic = $1 AND ${commitSafeAfter(2)}
        ORDER BY transaction_id, position
        LIMIT $4`,
      [topic, ...commitSafeParameters(after), limit],
    ),
  );
  return rows.map((row) => ({
    position: { transactionId: row.transaction_id_text, position: Number(row.position_text) },
    key: row.key,
    envelope: row.envelope,
    headers: row.headers,
  }));
}

/** Where `group` stands in `topic`; the start of the log for a new group. */
export async function readGroupOffset(
  client: pg.ClientBase,
  tables: LogTables,
  group: string,
  topic: string,
): Promise<LogPosition> {
  const { rows } = await client.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position::text AS position
       FROM ${tables.offsets} WHERE consumer_group = $1 AND topic = $2`,
    [group, topic],
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, position: Number(row.position) } : logStart;
}

/** Records that `group` has handled `topic` up to and including `position`. */
export async function saveGroupOffset(
  client: pg.ClientBase,
  tables: LogTables,
  group: string,
  topic: string,
  position: LogPosition,
): Promise<void> {
  await client.query(
    prepared(
      `INSERT INTO ${tables.offsets} (consumer_group, topic, transaction_id, position)
       VALUES ($1, $2, $3::xid8, $4::bigint)
       ON CONFLICT (consumer_group, topic) DO UPDATE
          SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
      [group, topic, position.transactionId, position.position],
    ),
  );
}

/**
 * Tries to become the one active consumer of (group, topic): a session advisory lock, held
 * until the connection ends (so a consumer that dies hands over to a standby automatically).
 */
export async function tryLockGroup(
  client: pg.ClientBase,
  tables: LogTables,
  group: string,
  topic: string,
): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
    [JSON.stringify(['tessera.log', tables.schema, group, topic])],
  );
  return rows[0]?.locked === true;
}
