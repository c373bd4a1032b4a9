import { TesseraError } from '@tessera/errors';
/**
 * A place in a commit-safe log. Rows are stamped with the writing transaction's id
 * (`pg_current_xact_id()`, xid8) and a sequence `position`; readers order and checkpoint by the
 * pair and only read rows whose transaction is older than every transaction still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`). A transaction that took a lower position but
 * commits later is therefore never skipped: readers wait for it instead.
 */
export interface LogPosition {
  /** xid8 of the writing transaction, as a decimal string (it can exceed 2^53). */
  readonly transactionId: string;
  readonly position: number;
}

export const logStart: LogPosition = { transactionId: '0', position: 0 };

export class InvalidLogPositionError extends TesseraError<'INVALID_LOG_POSITION'> {
  readonly code = 'INVALID_LOG_POSITION';
  constructor(readonly value: string) {
    super(
      `"${value}" is not a log position: expected "<transaction id>:<position>", e.g. "7712:1045"`,
    );
  }
}

export function encodeLogPosition(position: LogPosition): string {
  return `${position.transactionId}:${position.position}`;
}

export function decodeLogPosition(value: string): LogPosition {
  const match = /^(\d{1,20}):(\d{1,16})$/.exec(value);
  const position = Number(match?.[2]);
  if (!match?.[1] || !Number.isSafeInteger(position)) {
    throw new InvalidLogPositionError(value);
  }
  return { transactionId: match[1], position };
}

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) {
    return byTransaction < 0n ? -1 : 1;
  }
  return Math.sign(a.position - b.position);
}

/**
 * The WHERE condition that reads a log table after a position without ever skipping a row.
 * The table needs `transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()` and
 * `position bigint`, with an index on `(transaction_id, position)`. Bind the transaction id and
 * position of the last row read as parameters `$<first>` and `$<first + 1>`.
 */
export function commitSafeAfter(firstParameter: number, alias = ''): string {
  const column = (name: string): string => (alias ? `${alias}.${name}` : name);
  return (
    `(${column('transaction_id')}, ${column('position')}) > ($${firstParameter}::xid8, $${firstParameter + 1}::bigint)` +
    ` AND ${column('transaction_id')} < pg_snapshot_xmin(pg_current_snapshot())`
  );
}

/** Parameters for `commitSafeAfter`, in order. */
export function commitSafeParameters(after: LogPosition): [string, number] {
  return [after.transactionId, after.position];
}
