import {
  createEventStore,
  runOutboxRelay,
  type EventStore,
  type OutboxRelayStatus,
} from '@tessera/event-store';
import type { EventTransport } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import type { Progress } from '../core/progress.js';
import type { ConsumerSpec } from './consumer-protocol.js';
import { DeliveryMarks } from './delivery-marks.js';
import { startRemoteConsumer, type RemoteConsumer } from './remote-consumer.js';

/** The relay's settings: its defaults, i.e. what a service gets. */
export const relaySettings = { batchSize: 100, idlePollMs: 500 } as const;

export interface ConsumerPipelineOptions {
  readonly databaseUrl: string;
  /** The publishing side's transport (the relay publishes through it). */
  readonly transport: EventTransport;
  /** The consuming side, run in a process of its own. */
  readonly consumer: Omit<ConsumerSpec, 'databaseUrl'>;
  /** The publishing store (with the outbox routed to the consumer's topic). */
  readonly storeSchema: string;
  /** Connections of the appending side's pool. */
  readonly appendConnections: number;
  readonly consumerReadyTimeoutMs: number;
  readonly progress: Progress;
}

/** A running pipeline: the store to append to and the marks its stages leave. */
export interface ConsumerPipeline {
  readonly store: EventStore;
  readonly marks: DeliveryMarks;
  readonly consumer: RemoteConsumer;
  relayStatus(): OutboxRelayStatus;
  /** Stops the consumer process and the relay and ends the pool (the transport stays open). */
  close(): Promise<void>;
}

/**
 * The pipeline services use: append with the outbox → outbox relay (this process, the
 * publishing service) → transport → batch subscriber with `createIdempotentBatchHandler` (a
 * consumer process, the consuming service).
 */
export async function openConsumerPipeline(
  options: ConsumerPipelineOptions,
): Promise<ConsumerPipeline> {
  const { progress } = options;
  const pool = createPool({
    connectionString: options.databaseUrl,
    max: options.appendConnections,
    applicationName: 'tessera-bench-appender',
    onIdleError: (error) => {
      progress.logger.warn('bench pool connection failed', { error: error.message });
    },
  });
  const store = createEventStore({
    pool,
    schema: options.storeSchema,
    outbox: { topicFor: () => options.consumer.topic },
    logger: progress.logger,
  });
  const marks = new DeliveryMarks();
  const stops: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => {
        progress.logger.warn('bench pipeline cleanup failed', { error: String(error) });
      });
    }
    await store.close();
    await pool.end();
  };
  try {
    await store.migrate();
    await createEventStore({ pool, schema: options.consumer.consumerSchema }).migrate();
    const consumer = await startRemoteConsumer(
      { ...options.consumer, databaseUrl: options.databaseUrl },
      marks,
      {
        readyTimeoutMs: options.consumerReadyTimeoutMs,
        progress,
      },
    );
    stops.push(() => consumer.stop());
    const relay = runOutboxRelay({
      connectionString: options.databaseUrl,
      schema: options.storeSchema,
      transport: options.transport,
      ...relaySettings,
      // Only notes when the transport accepted each batch; its rows are deleted right after.
      onPublished: (batch) => {
        marks.markPublished(batch);
        return Promise.resolve();
      },
      logger: progress.logger,
    });
    stops.push(() => relay.stop());
    return { store, marks, consumer, relayStatus: () => relay.status(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
