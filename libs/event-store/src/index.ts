/**
 * @tessera/event-store: one service's event-sourced store in its own Postgres schema.
 *
 * - `createEventStore({ pool, schema, upcasters?, outbox?, maxPayloadBytes?, logger? })`, then
 *   `store.migrate()` at startup (or `tsx --conditions=@tessera/source
 *   libs/event-store/src/cli/migrate.ts --schema <name>` with DATABASE_URL).
 * - Write: `store.append(streamId, events, { expectedVersion, correlationId, actor, … })`, alone or
 *   inside the caller's transaction (`client`, or `store.transaction(work)`).
 * - Bulk write (imports): `store.appendMany([{ streamId, events, expectedVersion }, …], options)`
 *   appends to up to `maxAppendManyEntries` streams (`maxAppendManyEvents` events) in one
 *   transaction with a constant number of statements, all or nothing, with `append`'s checks and
 *   idempotency per entry. A conflict on any entry stores nothing of the call and throws
 *   `ConcurrencyError` naming the first such stream: append those entries one by one.
 * - Read: `store.readStream(streamId)` for one aggregate (`store.readStreams(ids)` for many), `store.readAll({ after, limit })` for the
 *   whole log in commit-safe order (a transaction that commits late is waited for, never skipped).
 * - Follow: `store.subscribe(...)` and projections (`runProjection`, `rebuildProjection`), each
 *   committing its checkpoint with its writes. A projection with `applyBatch` gets each batch read
 *   from the log in one call (set-based writes); it must end as `apply` event by event would.
 *   `superviseProjection(store, projection, logger)` keeps one running: a failed run is logged
 *   and restarted after a backoff (1 s doubling up to 30 s) until `stop()`.
 * - Publish: configure `outbox` and run one `OutboxRelay` (per schema, leader-elected). Its
 *   `topicFor` / `keyFor` run before the insert and see an `EnvelopeBeforeInsert` (no `position`
 *   or `recordedAt`); an outbox row references its event, and the relay publishes the event as
 *   stored (not upcast).
 * - Consume: `createIdempotentHandler(...)` turns a transport delivery into an exactly-once effect;
 *   `createIdempotentBatchHandler(...)` does it for a `handleBatch` subscription, one
 *   transaction per batch.
 *
 * Tables (see src/migrations): streams, events, outbox, subscription_checkpoints,
 * processed_messages. Appends NOTIFY `notificationChannel(schema)` on commit.
 */
export { createEventStore, defaultMaxPayloadBytes } from './event-store.js';
export type { EventStore, EventStoreOptions } from './event-store.js';
export type {
  AppendManyEntry,
  AppendManyOptions,
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  JsonObject,
  LogRead,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StreamRead,
} from './types.js';
export {
  ConcurrencyError,
  DuplicateEventIdError,
  EventStoreError,
  InvalidArgumentError,
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  InvalidUpcastersError,
  NotInTransactionError,
  PayloadTooLargeError,
  StreamNotFoundError,
  UpcastError,
} from './errors.js';
export { defineUpcasters, noUpcasters, type Upcaster, type Upcasters } from './upcasting.js';
export { maxStreamIdLength } from './validation/validate-append.js';
export { maxReadStreams } from './read.js';
export { maxAppendManyEntries, maxAppendManyEvents } from './validation/validate-append-many.js';
export type { EnvelopeBeforeInsert, OutboxRouting } from './outbox/outbox-writer.js';
export type { PublishedBatch } from './outbox/outbox-publisher.js';
export {
  OutboxRelay,
  runOutboxRelay,
  type OutboxRelayOptions,
  type OutboxRelayRole,
  type OutboxRelayStatus,
} from './outbox/outbox-relay.js';
export type {
  LogSubscription,
  LogSubscriptionOptions,
  LogSubscriptionState,
  LogSubscriptionStatus,
} from './subscriptions/log-subscription.js';
export type {
  Projection,
  ProjectionRunOptions,
  RebuildOptions,
  RebuildResult,
} from './subscriptions/projection.js';
export {
  superviseProjection,
  type ProjectionSupervision,
} from './subscriptions/projection-supervisor.js';
export {
  createIdempotentHandler,
  type IdempotentHandlerOptions,
} from './consumer/idempotent-handler.js';
export {
  createIdempotentBatchHandler,
  type IdempotentBatchHandlerOptions,
} from './consumer/idempotent-batch-handler.js';
export type { IdempotentConsumerOptions } from './consumer/processed-messages.js';
export { eventStoreMigrations, migrateEventStore } from './migrations/index.js';
export { notificationChannel } from './tables.js';
export { logStart, type LogPosition } from '@tessera/postgres';
export type { EventEnvelope } from '@tessera/event-transport';
