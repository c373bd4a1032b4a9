import type { EventEnvelope } from '@tessera/event-transport';
import {
  commitSafeAfter,
  commitSafeParameters,
  logStart,
  type LogPosition,
  prepared,
  type Queryable,
} from '@tessera/postgres';
import { describeValue, InvalidArgumentError, StreamNotFoundError } from './errors.js';
import { envelopeFromRow, eventColumns, logPositionOfRow, type EventRow } from './event-rows.js';
import type { StoreTables } from './tables.js';
import type { LogRead, ReadAllOptions, ReadStreamOptions, StreamRead } from './types.js';
import type { Upcasters } from './upcasting.js';
import { validateStreamId } from './validation/validate-append.js';

export const maxReadLimit = 10_000;

export function validateLimit(value: unknown, argument: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 1 ||
    value > maxReadLimit
  ) {
    throw new InvalidArgumentError(
      argument,
      `must be an integer from 1 to ${maxReadLimit}, got ${describeValue(value)}`,
    );
  }
  return value;
}

export function validateLogPosition(value: LogPosition, argument: string): LogPosition {
  const valid =
    typeof value === 'object' &&
    typeof value.transactionId === 'string' &&
    /^\d{1,20}$/.test(value.transactionId) &&
    Number.isSafeInteger(value.position) &&
    value.position >= 0;
  if (!valid) {
    throw new InvalidArgumentError(
      argument,
      'must be a log position { transactionId: "<decimal xid8>", position: <integer >= 0> }, such as logStart or a LogRead.next',
    );
  }
  return value;
}

/**
 * The stream's current version and its events from `fromVersion` on, read in one statement so
 * that both come from the same snapshot.
 */
export async function readStream(
  db: Queryable,
  tables: StoreTables,
  upcasters: Upcasters,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<StreamRead> {
  validateStreamId(streamId);
  const fromVersion = options.fromVersion ?? 1;
  if (!Number.isSafeInteger(fromVersion) || fromVersion < 1) {
    throw new InvalidArgumentError(
      'fromVersion',
      `must be an integer >= 1, got ${describeValue(fromVersion)}`,
    );
  }
  const { rows } = await db.query<{ current_version: string } & Partial<EventRow>>(
    prepared(
      `SELECT s.version AS current_version, ${eventColumns}
         FROM ${tables.streams} s
         LEFT JOIN ${tables.events} e ON e.stream_id = s.stream_id AND e.stream_version >= $2
        WHERE s.stream_id = $1
        ORDER BY e.stream_version`,
      [streamId, fromVersion],
    ),
  );
  const first = rows[0];
  if (!first) throw new StreamNotFoundError(streamId);
  const events = rows
    .filter((row): row is typeof row & EventRow => typeof row.id === 'string')
    .map((row) => upcasters.upcast(envelopeFromRow(row)));
  return { streamId, version: Number(first.current_version), events };
}

/** One batch of the log in commit-safe order, as rows (for readers that also need positions). */
export async function readLogRows(
  db: Queryable,
  tables: StoreTables,
  after: LogPosition,
  limit: number,
): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM ${tables.events} e
      WHERE ${commitSafeAfter(1, 'e')}
      ORDER BY e.transaction_id, e.position
      LIMIT $3`,
    [...commitSafeParameters(after), limit],
  );
  return rows;
}

/**
 * Events after `after` in commit-safe order: a transaction that took a lower position but commits
 * later is waited for, never skipped. Returns where to continue.
 */
export async function readAll(
  db: Queryable,
  tables: StoreTables,
  upcasters: Upcasters,
  options: ReadAllOptions = {},
): Promise<LogRead> {
  const after = validateLogPosition(options.after ?? logStart, 'after');
  const limit = validateLimit(options.limit, 'limit', 100);
  const rows = await readLogRows(db, tables, after, limit);
  return { events: rows.map((row) => upcastRow(upcasters, row)), next: nextPosition(rows, after) };
}

export function upcastRow(upcasters: Upcasters, row: EventRow): EventEnvelope {
  return upcasters.upcast(envelopeFromRow(row));
}

export function nextPosition(rows: readonly EventRow[], after: LogPosition): LogPosition {
  const last = rows.at(-1);
  return last ? logPositionOfRow(last) : after;
}

/** Most streams one `readStreams` call reads. */
export const maxReadStreams = 5_000;

/**
 * Several whole streams in one query (an import loading what it is about to decide on). Streams
 * that do not exist are absent from the map; each present one is what `readStream` returns.
 */
export async function readStreams(
  db: Queryable,
  tables: StoreTables,
  upcasters: Upcasters,
  streamIds: readonly string[],
): Promise<Map<string, StreamRead>> {
  if (streamIds.length > maxReadStreams) {
    throw new InvalidArgumentError(
      'streamIds',
      `at most ${maxReadStreams} per call, got ${streamIds.length}`,
    );
  }
  streamIds.forEach((streamId) => {
    validateStreamId(streamId);
  });
  const { rows } = await db.query<{ current_version: string; sid: string } & Partial<EventRow>>(
    `SELECT s.stream_id AS sid, s.version AS current_version, ${eventColumns}
       FROM ${tables.streams} s
       LEFT JOIN ${tables.events} e ON e.stream_id = s.stream_id
      WHERE s.stream_id = ANY($1::text[])
      ORDER BY s.stream_id, e.stream_version`,
    [[...new Set(streamIds)]],
  );
  const streams = new Map<string, { streamId: string; version: number; events: EventEnvelope[] }>();
  for (const row of rows) {
    let stream = streams.get(row.sid);
    if (!stream) {
      stream = { streamId: row.sid, version: Number(row.current_version), events: [] };
      streams.set(row.sid, stream);
    }
    if (typeof row.id === 'string')
      stream.events.push(upcasters.upcast(envelopeFromRow(row as EventRow)));
  }
  return streams;
}
