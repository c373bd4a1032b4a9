import { TesseraError } from '@tessera/errors';
import type { ExpectedVersion } from './types.js';

/**
 * Every error the event store raises on purpose carries a stable `code`; the API layer maps codes
 * to problem+json or gRPC statuses. Database failures are rethrown unchanged (see
 * `isTransientPostgresError` in @tessera/postgres to tell "retry later" from "this is wrong").
 */
export abstract class EventStoreError extends TesseraError {
  /**
   * Set on a validation error of `appendMany`: the index of the refused entry, which the message
   * also names (`entries[3]: …`). Undefined for everything else.
   */
  entryIndex?: number;
}

/**
 * Attributes a validation error to entry `entryIndex` of an `appendMany` call, keeping its class
 * and code (so callers handle it as they handle the same error from `append`).
 */
export function inBatchEntry<T extends EventStoreError>(error: T, entryIndex: number): T {
  error.entryIndex = entryIndex;
  error.message = `entries[${entryIndex}]: ${error.message}`;
  return error;
}

/** Which expected version did not hold. The command reloads the stream and decides again. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append looked; 0 when the stream does not exist. */
    readonly actual: number,
    reason?: string,
  ) {
    super(
      reason ??
        `stream ${streamId} is at version ${actual}, but the append expected ${describeExpected(expected)}`,
    );
  }
}

function describeExpected(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : `'${expected}'`;
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
  }
}

export class InvalidStreamIdError extends EventStoreError {
  readonly code = 'INVALID_STREAM_ID';
  constructor(
    readonly streamId: unknown,
    reason: string,
  ) {
    super(`invalid stream id ${describeValue(streamId)}: ${reason}`);
  }
}

/** A malformed event or envelope field. `field` names it, `index` the event in the append. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly field: string,
    reason: string,
    readonly index?: number,
  ) {
    super(`${index === undefined ? '' : `event #${index}: `}${field} ${reason}`);
  }
}

export class PayloadTooLargeError extends EventStoreError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(
    readonly index: number,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `event #${index}: data is ${sizeBytes} bytes as JSON, more than the limit of ${limitBytes} bytes`,
    );
  }
}

export class InvalidExpectedVersionError extends EventStoreError {
  readonly code = 'INVALID_EXPECTED_VERSION';
  constructor(readonly value: unknown) {
    super(
      `expectedVersion ${describeValue(value)} is not valid: use a version number (an integer >= 0, ` +
        `0 meaning no events yet), 'no-stream', 'stream-exists' or 'any'`,
    );
  }
}

/** An event id that is already stored for a different event, or at a different place. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`event id ${eventId} is already used: ${detail}`);
  }
}

/** A caller-provided client that is not inside an open transaction. */
export class NotInTransactionError extends EventStoreError {
  readonly code = 'NOT_IN_TRANSACTION';
  constructor() {
    super(
      'the client passed to append is not inside an open transaction: BEGIN first, or use store.transaction()',
    );
  }
}

/** A bad option value (limits, names, positions) rather than a bad event. */
export class InvalidArgumentError extends EventStoreError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super(`${argument} ${reason}`);
  }
}

export class UpcastError extends EventStoreError {
  readonly code = 'UPCAST_FAILED';
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly fromVersion: number,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot upcast event ${eventId} (${eventType} v${fromVersion}): ${reason}`, options);
  }
}

export class InvalidUpcastersError extends EventStoreError {
  readonly code = 'INVALID_UPCASTERS';
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return `of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
