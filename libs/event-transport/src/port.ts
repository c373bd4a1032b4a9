import type { EventEnvelope } from './envelope.js';

/** A message to publish: keyed by aggregate (stream) id so that each aggregate stays ordered. */
export interface OutgoingMessage {
  readonly key: string;
  readonly envelope: EventEnvelope;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A message as a subscriber receives it. */
export interface DeliveredMessage extends OutgoingMessage {
  readonly topic: string;
  readonly headers: Readonly<Record<string, string>>;
  /** 1 on first delivery to this handler invocation loop, counting retries of the same message. */
  readonly attempt: number;
}

export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

/**
 * Handles several messages in one go (e.g. one database transaction for all of them). A batch
 * holds consecutive messages of one Kafka partition, or of the Postgres log, in order; it is
 * acknowledged as a whole, only after the promise resolved. See `SubscriptionOptions.handleBatch`.
 */
export type BatchHandler = (messages: readonly DeliveredMessage[]) => Promise<void>;

export interface RetryPolicy {
  /** Handler attempts before the message goes to the dead-letter topic. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

interface CommonSubscriptionOptions {
  readonly topic: string;
  /** Consumer group: subscribers of one group share the work; each group sees every message. */
  readonly group: string;
  readonly retry?: RetryPolicy;
  /** Where poison messages go; defaults to `deadLetterTopicFor(topic)`. */
  readonly deadLetterTopic?: string;
}

/** Per-message delivery: `handler` gets one message at a time. */
export interface MessageSubscriptionOptions extends CommonSubscriptionOptions {
  readonly handler: MessageHandler;
  readonly handleBatch?: undefined;
}

/**
 * Batch delivery: `handleBatch` gets up to `maxBatchSize` consecutive messages of one partition
 * (Kafka) or of the log (Postgres), in order, and they are acknowledged together once it
 * resolved. When it throws a transient infrastructure error the consumer crashes and restarts
 * (the batch is redelivered, never dead-lettered). When it throws anything else, the adapter
 * delivers that batch's messages again one at a time, as single-message batches, with the
 * usual per-message retry, backoff and dead-lettering: a poison message is isolated and the
 * others flow. A batch handler must therefore be idempotent per message (the event store's
 * `createIdempotentBatchHandler` is).
 */
export interface BatchSubscriptionOptions extends CommonSubscriptionOptions {
  readonly handleBatch: BatchHandler;
  readonly handler?: undefined;
  /** Most messages per batch (default `defaultMaxBatchSize`). */
  readonly maxBatchSize?: number;
}

/** Exactly one of `handler` (per message) and `handleBatch` (batches). */
export type SubscriptionOptions = MessageSubscriptionOptions | BatchSubscriptionOptions;

export const defaultMaxBatchSize = 500;

export type SubscriptionState = 'starting' | 'running' | 'restarting' | 'stopped';

export interface SubscriptionStatus {
  readonly state: SubscriptionState;
  /** How many times the consumer crashed and was restarted. */
  readonly restarts: number;
  readonly lastError?: string;
}

export interface Subscription {
  readonly topic: string;
  readonly group: string;
  status(): SubscriptionStatus;
  stop(): Promise<void>;
}

/**
 * The one port through which services exchange events. Delivery is at-least-once and ordered
 * per key; handlers make their effects idempotent (see the event store's idempotent consumer).
 *
 * Contract (proved by the shared contract suite against every adapter):
 * - `publish` resolves only once the messages are durably accepted, in order per key.
 * - A handler that throws is retried with backoff; after `maxAttempts` the message goes to the
 *   dead-letter topic and the subscription moves on. A batch handler that throws (for a reason
 *   other than infrastructure) has its batch redelivered one message at a time under that rule.
 * - A transient infrastructure failure (see `isTransientInfrastructureError`) or any failure of
 *   the consumer machinery crashes the consumer; it restarts after a backoff and redelivers what
 *   was not acknowledged. It never stops silently.
 */
export interface EventTransport {
  readonly name: 'kafka' | 'postgres';
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  close(): Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 100,
  maxBackoffMs: 5_000,
};

export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}
