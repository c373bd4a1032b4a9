import { performance } from 'node:perf_hooks';
import type { SubscriptionStatus } from '@tessera/event-transport';

/**
 * The messages between the benchmark and its consumer process, which plays the consuming
 * service: a batch subscriber (`handleBatch`) whose handler is `createIdempotentBatchHandler`
 * (one transaction per batch), in a process of its own as
 * in production (sharing the appenders' event loop would slow both).
 */
export interface ConsumerSpec {
  readonly transport:
    | {
        readonly kind: 'kafka';
        readonly brokers: readonly string[];
        /** The topic's partitions; the consumer handles that many at once. */
        readonly partitions: number;
      }
    | { readonly kind: 'postgres'; readonly schema: string };
  readonly databaseUrl: string;
  /** A migrated event-store schema: its processed_messages table records handled events. */
  readonly consumerSchema: string;
  readonly consumerName: string;
  readonly topic: string;
  readonly group: string;
  readonly maxBatchSize: number;
}

export type ToConsumer =
  | { readonly kind: 'start'; readonly spec: ConsumerSpec }
  | { readonly kind: 'ping'; readonly sentAt: number }
  | { readonly kind: 'stop' };

/** Marks are `[event id, epochMs()]` pairs, sent in small batches as they accumulate. */
export type FromConsumer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'pong'; readonly sentAt: number; readonly consumerAt: number }
  | {
      readonly kind: 'marks';
      readonly ran: readonly (readonly [string, number])[];
      readonly committed: readonly (readonly [string, number])[];
      readonly status: SubscriptionStatus;
    }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'stopped' };

/**
 * Wall-clock milliseconds with sub-millisecond resolution, comparable across processes of one
 * machine (each process's monotonic clock plus its own start time); the remaining offset is
 * measured with pings and corrected.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
