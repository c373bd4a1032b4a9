/**
 * The consumer process (forked by remote-consumer.ts): subscribes through the transport in batch
 * mode with an idempotent batch handler (one transaction per batch) whose effect notes the time,
 * and reports those times to the parent.
 * Ends on the parent's `stop`, when the parent goes away, or on SIGINT/SIGTERM.
 */
import { createIdempotentBatchHandler } from '@tessera/event-store';
import {
  createKafkaTransport,
  createPostgresLogTransport,
  type EventTransport,
  type Subscription,
} from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import type pg from 'pg';
import { Progress } from '../core/progress.js';
import {
  epochMs,
  type ConsumerSpec,
  type FromConsumer,
  type ToConsumer,
} from './consumer-protocol.js';

const flushEveryMs = 20;
const progress = new Progress((line) => process.stderr.write(`[consumer] ${line}\n`));
let ran: [string, number][] = [];
let committed: [string, number][] = [];
let running: { transport: EventTransport; subscription: Subscription; pool: pg.Pool } | undefined;
let stopping: Promise<void> | undefined;

function send(message: FromConsumer): void {
  if (process.connected) process.send?.(message);
}

async function start(spec: ConsumerSpec): Promise<void> {
  const pool = createPool({
    connectionString: spec.databaseUrl,
    max: 4,
    applicationName: 'tessera-bench-consumer',
  });
  const transport =
    spec.transport.kind === 'kafka'
      ? createKafkaTransport({
          brokers: spec.transport.brokers,
          clientId: 'tessera-bench-consumer',
          logger: progress.logger,
          topicDefaults: { partitions: spec.transport.partitions },
          partitionsConsumedConcurrently: spec.transport.partitions,
        })
      : createPostgresLogTransport({
          pool,
          connectionString: spec.databaseUrl,
          schema: spec.transport.schema,
          logger: progress.logger,
        });
  const idempotent = createIdempotentBatchHandler({
    pool,
    schema: spec.consumerSchema,
    consumer: spec.consumerName,
    logger: progress.logger,
    handle: (envelopes) => {
      const at = epochMs();
      for (const envelope of envelopes) ran.push([envelope.id, at]);
      return Promise.resolve();
    },
  });
  const subscription = await transport.subscribe({
    topic: spec.topic,
    group: spec.group,
    maxBatchSize: spec.maxBatchSize,
    handleBatch: async (messages) => {
      await idempotent(messages);
      const at = epochMs();
      for (const message of messages) committed.push([message.envelope.id, at]);
    },
  });
  running = { transport, subscription, pool };
  send({ kind: 'ready' });
}

function flush(): void {
  if (!running || (ran.length === 0 && committed.length === 0)) return;
  send({ kind: 'marks', ran, committed, status: running.subscription.status() });
  ran = [];
  committed = [];
}

function stop(): Promise<void> {
  stopping ??= (async () => {
    clearInterval(flusher);
    try {
      flush();
      await running?.subscription.stop();
      await running?.transport.close();
      await running?.pool.end();
    } finally {
      send({ kind: 'stopped' });
      if (process.connected) process.disconnect();
      process.exit(0);
    }
  })();
  return stopping;
}

const flusher = setInterval(flush, flushEveryMs);
process.on('message', (message: ToConsumer) => {
  switch (message.kind) {
    case 'start':
      start(message.spec).catch((error: unknown) => {
        send({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
        void stop();
      });
      return;
    case 'ping':
      send({ kind: 'pong', sentAt: message.sentAt, consumerAt: epochMs() });
      return;
    case 'stop':
      void stop();
      return;
  }
});
process.on('disconnect', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
