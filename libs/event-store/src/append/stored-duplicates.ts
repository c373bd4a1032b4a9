import type { Queryable } from '@tessera/postgres';
import { DuplicateEventIdError } from '../errors.js';
import { envelopeFromRow, eventColumns, type EventRow } from '../event-rows.js';
import type { StoreTables } from '../tables.js';
import type { AppendResult, ExpectedVersion } from '../types.js';
import type { ValidatedEvent } from '../validation/validate-append.js';

export interface StoredMatch extends EventRow {
  /** 1-based place of the id in the append being checked. */
  readonly ordinal: string;
  /** Same type, schema version and data (jsonb equality, so key order does not matter). */
  readonly same_content: boolean;
}

/** Stored events whose ids appear in `events`, in the order of `events`. */
export async function findStoredEvents(
  db: Queryable,
  tables: StoreTables,
  events: readonly ValidatedEvent[],
): Promise<StoredMatch[]> {
  const { rows } = await db.query<StoredMatch>(
    `SELECT ${eventColumns}, x.ordinal,
            (e.type = x.type AND e.schema_version = x.schema_version AND e.data = x.data) AS same_content
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[])
            WITH ORDINALITY AS x(id, type, schema_version, data, ordinal)
       JOIN ${tables.events} e ON e.id = x.id
      ORDER BY x.ordinal`,
    [
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map((event) => event.json),
    ],
  );
  return rows;
}

/**
 * Decides what an append whose ids are (partly) stored means. When every event is stored in this
 * stream, with the same content, consecutively and at the place the expected version names, the
 * append is a retry of one that succeeded: its original result is returned and nothing is written.
 * Anything else reuses an id for a different event and throws `DuplicateEventIdError`.
 */
export function resolveStoredEvents(
  streamId: string,
  events: readonly ValidatedEvent[],
  expected: ExpectedVersion,
  stored: readonly StoredMatch[],
): AppendResult {
  for (const row of stored) {
    if (row.stream_id !== streamId) {
      throw new DuplicateEventIdError(
        row.id,
        `it is stored in stream ${row.stream_id} at version ${row.stream_version}`,
      );
    }
    if (!row.same_content) {
      throw new DuplicateEventIdError(
        row.id,
        `it is stored in stream ${streamId} at version ${row.stream_version} with another type, schema version or data`,
      );
    }
  }
  const first = stored[0];
  if (!first) throw new Error('resolveStoredEvents needs at least one stored event');
  if (stored.length !== events.length) {
    const fresh = events.find((event) => !stored.some((row) => row.id === event.id));
    throw new DuplicateEventIdError(
      first.id,
      `it is stored at version ${first.stream_version}, but ${fresh?.id ?? 'another event'} of this append is not: ` +
        'an append is stored whole or not at all, so this is a different append',
    );
  }
  const firstVersion = Number(first.stream_version);
  stored.forEach((row, index) => {
    if (Number(row.ordinal) !== index + 1 || Number(row.stream_version) !== firstVersion + index) {
      throw new DuplicateEventIdError(
        row.id,
        `it is stored at version ${row.stream_version}, not in the order of this append`,
      );
    }
  });
  const expectedFirst = expectedFirstVersion(expected);
  if (expectedFirst !== undefined && expectedFirst !== firstVersion) {
    throw new DuplicateEventIdError(
      first.id,
      `the events are stored from version ${firstVersion}, but this append expected to write from version ${expectedFirst}`,
    );
  }
  return {
    streamId,
    nextExpectedVersion: firstVersion + stored.length - 1,
    events: stored.map((row) => envelopeFromRow(row)),
    alreadyAppended: true,
  };
}

function expectedFirstVersion(expected: ExpectedVersion): number | undefined {
  switch (expected) {
    case 'no-stream':
      return 1;
    case 'stream-exists':
    case 'any':
      return undefined;
    default:
      return expected + 1;
  }
}
