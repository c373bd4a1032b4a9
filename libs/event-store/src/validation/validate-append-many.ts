import {
  describeValue,
  EventStoreError,
  inBatchEntry,
  InvalidArgumentError,
  InvalidEventError,
} from '../errors.js';
import type { AppendManyOptions } from '../types.js';
import { isPlainObject } from './json.js';
import {
  validateEvents,
  validateExpectedVersion,
  validateMetadata,
  validateStreamId,
  type AppendMetadata,
  type ValidatedEvent,
} from './validate-append.js';

/** The most entries one `appendMany` call takes. */
export const maxAppendManyEntries = 5_000;
/** The most events one `appendMany` call takes, over all its entries. */
export const maxAppendManyEvents = 20_000;

/** An entry that passed validation. */
export interface ValidatedEntry {
  readonly streamId: string;
  readonly events: readonly ValidatedEvent[];
  readonly expected: number | 'no-stream';
}

export interface AppendManyPlan {
  /** In the caller's order; each stream id and each event id appears once. */
  readonly entries: readonly ValidatedEntry[];
  readonly metadata: AppendMetadata;
}

/**
 * Checks a whole `appendMany` call before anything is written: the limits, the metadata, then
 * every entry as `append` checks its arguments. An entry's error keeps the class and code
 * `append` would throw and names the entry (`entryIndex`, `entries[i]: …`).
 */
export function validateAppendMany(
  entries: unknown,
  options: AppendManyOptions,
  maxPayloadBytes: number,
): AppendManyPlan {
  if (!Array.isArray(entries)) {
    throw new InvalidArgumentError('entries', `must be an array, got ${describeValue(entries)}`);
  }
  if (entries.length > maxAppendManyEntries) {
    throw new InvalidArgumentError(
      'entries',
      `holds ${entries.length} entries, more than ${maxAppendManyEntries}: split the call`,
    );
  }
  const eventCount = entries.reduce<number>(
    (sum, entry) =>
      sum + (isPlainObject(entry) && Array.isArray(entry.events) ? entry.events.length : 0),
    0,
  );
  if (eventCount > maxAppendManyEvents) {
    throw new InvalidArgumentError(
      'entries',
      `hold ${eventCount} events, more than ${maxAppendManyEvents}: split the call`,
    );
  }
  const metadata = validateMetadata(options);
  const entryOfStream = new Map<string, number>();
  const entryOfEvent = new Map<string, number>();
  const validated = entries.map((entry: unknown, index) => {
    try {
      const checked = validateEntry(entry, maxPayloadBytes);
      refuseRepeatedStream(checked, entryOfStream, index);
      refuseRepeatedEvents(checked, entryOfEvent, index);
      return checked;
    } catch (error) {
      throw error instanceof EventStoreError ? inBatchEntry(error, index) : error;
    }
  });
  return { entries: validated, metadata };
}

function validateEntry(entry: unknown, maxPayloadBytes: number): ValidatedEntry {
  if (!isPlainObject(entry)) {
    throw new InvalidArgumentError(
      'entry',
      `must be an object { streamId, events, expectedVersion }, got ${describeValue(entry)}`,
    );
  }
  return {
    streamId: validateStreamId(entry.streamId),
    events: validateEvents(entry.events, maxPayloadBytes),
    expected: validateBatchExpectedVersion(entry.expectedVersion),
  };
}

/** `'any'` and `'stream-exists'` need the stream's row lock before the check: `append` only. */
function validateBatchExpectedVersion(value: unknown): number | 'no-stream' {
  const expected = validateExpectedVersion(value);
  if (expected === 'any' || expected === 'stream-exists') {
    throw new InvalidArgumentError(
      'expectedVersion',
      `must be a version number or 'no-stream' in appendMany, got '${expected}': use append for it`,
    );
  }
  return expected;
}

/** One entry per stream: the versions of a stream's events follow from a single expected version. */
function refuseRepeatedStream(
  entry: ValidatedEntry,
  entryOfStream: Map<string, number>,
  index: number,
): void {
  const earlier = entryOfStream.get(entry.streamId);
  if (earlier !== undefined) {
    throw new InvalidArgumentError(
      'streamId',
      `${entry.streamId} is also the stream of entries[${earlier}]: a stream appears once per appendMany call`,
    );
  }
  entryOfStream.set(entry.streamId, index);
}

function refuseRepeatedEvents(
  entry: ValidatedEntry,
  entryOfEvent: Map<string, number>,
  index: number,
): void {
  entry.events.forEach((event, eventIndex) => {
    const earlier = entryOfEvent.get(event.id);
    if (earlier !== undefined) {
      throw new InvalidEventError(
        'id',
        `${event.id} also appears in entries[${earlier}] of this call`,
        eventIndex,
      );
    }
    entryOfEvent.set(event.id, index);
  });
}
