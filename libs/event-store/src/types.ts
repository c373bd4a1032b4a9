import type { LogPosition } from '@tessera/postgres';
import type { EventEnvelope } from '@tessera/event-transport';
import type pg from 'pg';

/** A JSON object: what an event's `data` must be. */
export type JsonObject = Record<string, unknown>;

/**
 * An event as a command decides it; the store adds the rest of the envelope. `data` is typed
 * `object` so that payload interfaces fit; at runtime it must be a plain JSON object.
 */
export interface NewEvent<TType extends string = string, TData extends object = object> {
  /** A UUID chosen by the writer. Appending the same id again at the same place is a no-op. */
  readonly id: string;
  /** Past-tense fact name, e.g. `DeviceAttached`: a letter, then letters, digits, `_ . : -`. */
  readonly type: TType;
  /** Version of this type's payload schema (an integer >= 1); old versions are upcast on read. */
  readonly schemaVersion: number;
  readonly data: TData;
}

/**
 * What the caller believes about the stream:
 * - a number: the version it read (0: the stream has no events yet),
 * - `'no-stream'`: the stream must not exist,
 * - `'stream-exists'`: the stream must have at least one event,
 * - `'any'`: no check (still serialized with other appends to the stream).
 */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  /** Ties together everything one request caused. */
  readonly correlationId: string;
  /** Id of the event or command that caused these events. */
  readonly causationId?: string | null;
  /** Who asked: a user, token or service identity. */
  readonly actor: string;
  readonly tenant?: string | null;
  /**
   * A client inside the caller's open transaction: the append joins it, so the caller's other
   * writes commit or roll back together with the events. Without it the append runs in its own
   * transaction. Appends assume READ COMMITTED.
   */
  readonly client?: pg.ClientBase;
}

/** One stream's events in `appendMany`: a new stream (0 or `'no-stream'`) or one at a version read. */
export interface AppendManyEntry {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  /**
   * The version the caller read (0: no events yet) or `'no-stream'`. `'any'` and
   * `'stream-exists'` need the stream's row lock first: use `append` for them.
   */
  readonly expectedVersion: number | 'no-stream';
}

/** What every entry of an `appendMany` call shares: metadata and the optional caller's `client`. */
export type AppendManyOptions = Omit<AppendOptions, 'expectedVersion'>;

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after this append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  /** The stored envelopes, in stream order, with the data as appended (not upcast). */
  readonly events: readonly EventEnvelope[];
  /** True when every event was already stored by an earlier identical append: nothing was written. */
  readonly alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  /** First stream version to return (default 1). */
  readonly fromVersion?: number;
  /** Read inside the caller's transaction (e.g. before an append on the same client). */
  readonly client?: pg.ClientBase;
}

export interface StreamRead {
  readonly streamId: string;
  /** The stream's current version: the expected version for the next append. */
  readonly version: number;
  /** Events from `fromVersion` on, upcast to their newest schema versions. */
  readonly events: readonly EventEnvelope[];
}

export interface ReadAllOptions {
  /** Exclusive start; `logStart` (the default) reads from the beginning. */
  readonly after?: LogPosition;
  /** At most this many events (1..10000, default 100). */
  readonly limit?: number;
  readonly client?: pg.ClientBase;
}

export interface LogRead {
  /** Events in commit-safe log order, upcast. */
  readonly events: readonly EventEnvelope[];
  /** Where the next read starts: the last event's log position, or `after` when none was read. */
  readonly next: LogPosition;
}
