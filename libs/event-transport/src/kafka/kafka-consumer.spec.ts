import type {
  ConsumerConfig,
  ConsumerRunConfig,
  EachBatchPayload,
  Kafka,
  KafkaMessage,
} from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { interleavedEvents, itemAt } from '../contract/contract-helpers.js';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import type { ResolvedBatchDelivery } from '../delivery/subscription-options.js';
import { silentLogger } from '../logger.js';
import type { DeliveredMessage } from '../port.js';
import { encodeKafkaMessage } from './kafka-codec.js';
import { startKafkaConsumerRun } from './kafka-consumer.js';

/** Just enough of a kafkajs consumer to drive `startKafkaConsumerRun` by hand. */
class FakeConsumer {
  readonly events = { CRASH: 'consumer.crash' };
  readonly listeners = new Map<string, (event: { payload: { error: Error } }) => void>();
  runConfig: ConsumerRunConfig | undefined;
  disconnected = false;
  paused = false;

  constructor(readonly config: ConsumerConfig) {}

  on(event: string, listener: (event: { payload: { error: Error } }) => void): () => void {
    this.listeners.set(event, listener);
    return () => this.listeners.delete(event);
  }
  connect = (): Promise<void> => Promise.resolve();
  subscribe = (): Promise<void> => Promise.resolve();
  run = (config: ConsumerRunConfig): Promise<void> => {
    this.runConfig = config;
    return Promise.resolve();
  };
  disconnect = (): Promise<void> => {
    this.disconnected = true;
    return Promise.resolve();
  };
  pause = (): void => {
    this.paused = true;
  };
}

async function startWith(
  handler: (message: DeliveredMessage) => Promise<void>,
  options: { batch?: ResolvedBatchDelivery; partitionsConsumedConcurrently?: number } = {},
) {
  let consumer: FakeConsumer | undefined;
  const kafka = {
    consumer: (config: ConsumerConfig) => (consumer = new FakeConsumer(config)),
  } as unknown as Kafka;
  const run = await startKafkaConsumerRun({
    kafka,
    subscription: {
      topic: 'tessera.test.events.v1',
      group: 'test',
      handler,
      retry: { maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 1 },
      deadLetterTopic: 'tessera.test.events.v1.dlq',
      ...(options.batch ? { batch: options.batch } : {}),
    },
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
    publisher: {
      publish: () => Promise.reject(new Error('no dead letters expected')),
      send: () => Promise.reject(new Error('no dead letters expected')),
    },
    logger: silentLogger,
  });
  if (!consumer) throw new Error('no consumer was created');
  return { run, consumer };
}

function batchOf(count: number) {
  const resolved: string[] = [];
  const committed: string[] = [];
  const messages: KafkaMessage[] = interleavedEvents(['k'], count).map((message, index) => {
    const encoded = encodeKafkaMessage(message);
    return {
      key: Buffer.from(message.key),
      value: Buffer.from(String(encoded.value)),
      headers: encoded.headers,
      offset: String(10 + index),
      timestamp: '0',
      attributes: 0,
    } as KafkaMessage;
  });
  const payload = {
    batch: { topic: 'tessera.test.events.v1', partition: 2, messages },
    resolveOffset: (offset: string) => resolved.push(offset),
    heartbeat: () => Promise.resolve(),
    commitOffsetsIfNecessary: (offsets?: { topics: { partitions: { offset: string }[] }[] }) => {
      committed.push(itemAt(itemAt(offsets?.topics ?? [], 0).partitions, 0).offset);
      return Promise.resolve();
    },
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved, committed };
}

describe('startKafkaConsumerRun', () => {
  it('leaves commits and restarts to us: no auto-commit, no auto-resolve, no kafkajs restart', async () => {
    const { consumer } = await startWith(() => Promise.resolve());
    expect(consumer.config.groupId).toBe('test');
    expect(consumer.runConfig).toMatchObject({ autoCommit: false, eachBatchAutoResolve: false });
    expect(await consumer.config.retry?.restartOnFailure?.(new Error('x'))).toBe(false);
  });

  it('reports a kafkajs CRASH event as a crash of the run', async () => {
    const { run, consumer } = await startWith(() => Promise.resolve());
    const error = new Error('coordinator gone');
    consumer.listeners.get('consumer.crash')?.({ payload: { error } });
    expect(await run.crashed).toBe(error);
    await run.stop();
    expect(consumer.disconnected).toBe(true);
  });

  it('resolves and commits each offset only after its handler resolved, in order', async () => {
    const handled: number[] = [];
    const { consumer } = await startWith((message) => {
      handled.push(message.envelope.streamVersion);
      return Promise.resolve();
    });
    const { payload, resolved, committed } = batchOf(3);
    await consumer.runConfig?.eachBatch?.(payload);
    expect(handled).toEqual([1, 2, 3]);
    expect(resolved).toEqual(['10', '11', '12']);
    expect(committed.at(-1)).toBe('13');
  });

  it('crashes on a transient handler failure without acknowledging that message', async () => {
    const { run, consumer } = await startWith((message) =>
      message.envelope.streamVersion === 2
        ? Promise.reject(new TransientInfrastructureError('db down'))
        : Promise.resolve(),
    );
    const { payload, resolved, committed } = batchOf(3);
    await consumer.runConfig?.eachBatch?.(payload);
    expect(resolved).toEqual(['10']);
    expect(committed).toEqual(['11']);
    expect(consumer.paused).toBe(true);
    expect(await run.crashed).toBeInstanceOf(TransientInfrastructureError);
  });

  it('consumes partitions concurrently as configured', async () => {
    const { consumer } = await startWith(() => Promise.resolve(), {
      partitionsConsumedConcurrently: 4,
    });
    expect(consumer.runConfig?.partitionsConsumedConcurrently).toBe(4);
  });

  it('in batch mode hands chunks of at most maxSize in order, resolving and committing each chunk', async () => {
    const batches: number[][] = [];
    const handle = (messages: readonly DeliveredMessage[]): Promise<void> => {
      batches.push(messages.map((message) => message.envelope.streamVersion));
      return Promise.resolve();
    };
    // As resolveSubscription builds it: a batch of one goes through the per-message path.
    const { consumer } = await startWith((message) => handle([message]), {
      batch: { maxSize: 2, handle },
    });
    const { payload, resolved, committed } = batchOf(5);
    await consumer.runConfig?.eachBatch?.(payload);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(resolved).toEqual(['11', '13', '14']);
    expect(committed.at(-1)).toBe('15');
  });

  it('in batch mode delivers a failed chunk one message at a time', async () => {
    const single: number[] = [];
    const { consumer } = await startWith(
      (message) => {
        single.push(message.envelope.streamVersion);
        return Promise.resolve();
      },
      { batch: { maxSize: 10, handle: () => Promise.reject(new RangeError('poison')) } },
    );
    const { payload, resolved } = batchOf(3);
    await consumer.runConfig?.eachBatch?.(payload);
    expect(single).toEqual([1, 2, 3]);
    expect(resolved).toEqual(['10', '11', '12']);
  });
});
