import type { LogPosition, Queryable } from '@tessera/postgres';
import type { StoreTables } from '../tables.js';

interface CheckpointRow {
  readonly transaction_id: string;
  readonly position: string;
}

const toPosition = (row: CheckpointRow): LogPosition => ({
  transactionId: row.transaction_id,
  position: Number(row.position),
});

const lockKey = (tables: StoreTables, name: string): string =>
  `tessera.subscription.${tables.schema}.${name}`;

/**
 * Takes the subscription's transaction-scoped lock unless another transaction holds it (another
 * instance mid-batch, or a projection rebuild): then returns false and the caller skips this
 * round. An advisory lock, not a row lock, so that the batch transaction gets no transaction id
 * before its handler writes: a transaction id held open delays every commit-safe reader.
 */
export async function tryLockSubscription(
  db: Queryable,
  tables: StoreTables,
  name: string,
): Promise<boolean> {
  const { rows } = await db.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
    [lockKey(tables, name)],
  );
  return rows[0]?.locked === true;
}

/** Takes the subscription's transaction-scoped lock, waiting for the batch in hand to finish. */
export async function lockSubscription(
  db: Queryable,
  tables: StoreTables,
  name: string,
): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey(tables, name)]);
}

/** Moves (or creates) the checkpoint; call it in the transaction of the writes it covers. */
export async function saveCheckpoint(
  db: Queryable,
  tables: StoreTables,
  name: string,
  position: LogPosition,
): Promise<void> {
  await db.query(
    `INSERT INTO ${tables.checkpoints} (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
     ON CONFLICT (name) DO UPDATE
       SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [name, position.transactionId, position.position],
  );
}

/** Where a subscription or live projection has read up to, or undefined when it never ran. */
export async function readCheckpoint(
  db: Queryable,
  tables: StoreTables,
  name: string,
): Promise<LogPosition | undefined> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT transaction_id::text AS transaction_id, position FROM ${tables.checkpoints} WHERE name = $1`,
    [name],
  );
  return rows[0] ? toPosition(rows[0]) : undefined;
}
