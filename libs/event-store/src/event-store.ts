import { silentLogger, type Logger } from '@tessera/event-transport';
import { withTransaction, type LogPosition, type MigrationResult } from '@tessera/postgres';
import type pg from 'pg';
import { appendEvents, type AppendDeps } from './append/append-events.js';
import { CommitNotifier } from './append/commit-notifier.js';
import { appendManyEvents } from './append/append-many.js';
import { InvalidArgumentError } from './errors.js';
import { migrateEventStore } from './migrations/index.js';
import type { OutboxRouting } from './outbox/outbox-writer.js';
import { readAll, readStream, readStreams } from './read.js';
import { readCheckpoint } from './subscriptions/checkpoints.js';
import {
  startLogSubscription,
  type LogSubscription,
  type LogSubscriptionOptions,
  type SubscriptionDeps,
} from './subscriptions/log-subscription.js';
import {
  projectionCheckpointName,
  rebuildProjection,
  runProjection,
  type Projection,
  type ProjectionRunOptions,
  type RebuildOptions,
  type RebuildResult,
} from './subscriptions/projection.js';
import { storeTables } from './tables.js';
import type {
  AppendManyEntry,
  AppendManyOptions,
  AppendOptions,
  AppendResult,
  LogRead,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StreamRead,
} from './types.js';
import { noUpcasters, type Upcasters } from './upcasting.js';

export const defaultMaxPayloadBytes = 1024 * 1024;

export interface EventStoreOptions {
  readonly pool: pg.Pool;
  /** The owning service's schema (lower-case letters, digits, _). */
  readonly schema: string;
  readonly upcasters?: Upcasters;
  /** Publish appended events through the transactional outbox; without it nothing is published. */
  readonly outbox?: OutboxRouting;
  /** Largest `data` of one event, serialized as JSON (default 1 MiB). */
  readonly maxPayloadBytes?: number;
  /** For the LISTEN connection of subscriptions; defaults to the pool's connection string. */
  readonly connectionString?: string;
  readonly logger?: Logger;
}

/** One service's event store: streams, the commit-safe log, subscriptions and projections. */
export interface EventStore {
  readonly schema: string;
  /** Creates or upgrades the store's tables; run at startup (or use the migrate command). */
  migrate(): Promise<MigrationResult>;
  /**
   * Appends events to a stream if `expectedVersion` holds. Throws `ConcurrencyError` on a
   * conflict, `DuplicateEventIdError` when an id is stored for another event, and a validation
   * error (`InvalidStreamIdError`, `InvalidEventError`, `PayloadTooLargeError`,
   * `InvalidExpectedVersionError`) before touching the database. Retrying an append that
   * succeeded returns its original result (`alreadyAppended: true`) and writes nothing.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Appends to many streams in one transaction, all or nothing, with a constant number of
   * statements (for imports: up to 5,000 entries and 20,000 events per call). Each entry is
   * checked as `append` checks its arguments, before any write; an entry's error names it
   * (`entryIndex`), and a stream may appear in one entry only. An entry stored whole before (a
   * retried call) returns its original result with `alreadyAppended: true`. When any entry's
   * expected version does not hold, `ConcurrencyError` names the first such stream and nothing of
   * the call is stored: retry those entries one by one with `append`. Results follow `entries`.
   */
  appendMany(
    entries: readonly AppendManyEntry[],
    options: AppendManyOptions,
  ): Promise<readonly AppendResult[]>;
  /** The stream's version and events (upcast); `StreamNotFoundError` when it has none. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StreamRead>;
  /**
   * Up to 5,000 whole streams in one query, by stream id; a stream that does not exist is simply
   * absent from the map (no error). Each entry is what `readStream` would return.
   */
  readStreams(
    streamIds: readonly string[],
    options?: Pick<ReadStreamOptions, 'client'>,
  ): Promise<Map<string, StreamRead>>;
  /** The log in commit-safe order after a position (upcast); never skips a late commit. */
  readAll(options?: ReadAllOptions): Promise<LogRead>;
  /** Runs `work` in one transaction; pass the client to `append`/`readStream` to join it. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  subscribe(options: LogSubscriptionOptions): Promise<LogSubscription>;
  /** Keeps a projection up to date (a subscription named `projection:<name>`). */
  runProjection(projection: Projection, options?: ProjectionRunOptions): Promise<LogSubscription>;
  /** Empties the projection and replays the whole log into it in one transaction. */
  rebuildProjection(projection: Projection, options?: RebuildOptions): Promise<RebuildResult>;
  /** Where a projection's checkpoint is, or undefined when it never ran. */
  projectionPosition(projection: Pick<Projection, 'name'>): Promise<LogPosition | undefined>;
  /** Stops every subscription this store started. The pool stays open: it is the caller's. */
  close(): Promise<void>;
}

export function createEventStore(options: EventStoreOptions): EventStore {
  const tables = storeTables(options.schema);
  const upcasters = options.upcasters ?? noUpcasters;
  const logger = options.logger ?? silentLogger;
  const maxPayloadBytes = options.maxPayloadBytes ?? defaultMaxPayloadBytes;
  if (!Number.isSafeInteger(maxPayloadBytes) || maxPayloadBytes < 1) {
    throw new InvalidArgumentError('maxPayloadBytes', 'must be a positive integer');
  }
  const { pool } = options;
  const subscriptions = new Set<LogSubscription>();

  const subscriptionDeps = (): SubscriptionDeps => {
    const connectionString = options.connectionString ?? pool.options.connectionString;
    if (!connectionString) {
      throw new InvalidArgumentError(
        'connectionString',
        'is needed for subscriptions (their LISTEN connection): pass it, or create the pool with one',
      );
    }
    return { pool, tables, upcasters, connectionString, logger };
  };
  const notifier = new CommitNotifier(pool, tables.channel, logger);
  /** Joining a caller's transaction, the append notifies in it; else after its own commit. */
  const appendDeps = (client: pg.ClientBase | undefined): AppendDeps => ({
    pool,
    target: { tables, outbox: options.outbox, notifyInTransaction: client !== undefined },
    maxPayloadBytes,
  });
  const notifyingAfterCommit = async <T>(
    client: pg.ClientBase | undefined,
    append: () => Promise<T>,
  ): Promise<T> => {
    const result = await append();
    if (client === undefined) notifier.poke();
    return result;
  };
  const track = (subscription: LogSubscription): LogSubscription => {
    subscriptions.add(subscription);
    void subscription.finished
      .finally(() => subscriptions.delete(subscription))
      .catch(() => undefined);
    return subscription;
  };

  return {
    schema: options.schema,
    migrate: () => migrateEventStore(pool, options.schema),
    append: (streamId, events, appendOptions) =>
      notifyingAfterCommit(appendOptions.client, () =>
        appendEvents(appendDeps(appendOptions.client), streamId, events, appendOptions),
      ),
    appendMany: (entries, appendOptions) =>
      notifyingAfterCommit(appendOptions.client, () =>
        appendManyEvents(appendDeps(appendOptions.client), entries, appendOptions),
      ),
    readStream: (streamId, readOptions) =>
      readStream(readOptions?.client ?? pool, tables, upcasters, streamId, readOptions),
    readStreams: (streamIds, readOptions) =>
      readStreams(readOptions?.client ?? pool, tables, upcasters, streamIds),
    readAll: (readOptions) => readAll(readOptions?.client ?? pool, tables, upcasters, readOptions),
    transaction: (work) => withTransaction(pool, work),
    subscribe: async (subscribeOptions) =>
      track(await startLogSubscription(subscriptionDeps(), subscribeOptions)),
    runProjection: async (projection, runOptions) =>
      track(await runProjection(subscriptionDeps(), projection, runOptions)),
    rebuildProjection: (projection, rebuildOptions) =>
      rebuildProjection({ pool, tables, upcasters }, projection, rebuildOptions),
    projectionPosition: (projection) =>
      readCheckpoint(pool, tables, projectionCheckpointName(projection)),
    close: async () => {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      await notifier.flushed();
    },
  };
}
