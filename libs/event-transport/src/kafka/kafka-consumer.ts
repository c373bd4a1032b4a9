import type { ConsumerRun } from '../supervisor/consumer-supervisor.js';
import { RunLifecycle } from '../supervisor/run-lifecycle.js';
import { consumePartitionBatch, type KafkaConsumerRunContext } from './kafka-partition-batch.js';

export type { KafkaConsumerRunContext } from './kafka-partition-batch.js';

/**
 * One life of a Kafka consumer for a subscription. Up to `partitionsConsumedConcurrently`
 * partitions are consumed at once, each one kafkajs batch at a time and in order (see
 * `consumePartitionBatch`), so per-key order holds: a key lives on one partition. An offset is
 * resolved only after its message was handled (or dead-lettered) and committed by us: kafkajs
 * auto-commit is off and kafkajs never restarts the consumer itself; a crash (its CRASH event,
 * or a handler's transient error) is reported to the supervisor, which restarts the run.
 */
export async function startKafkaConsumerRun(
  context: KafkaConsumerRunContext,
): Promise<ConsumerRun> {
  const { kafka, subscription } = context;
  const lifecycle = new RunLifecycle();
  const consumer = kafka.consumer({
    groupId: subscription.group,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 1_000,
    ...(context.sessionTimeoutMs === undefined
      ? {}
      : {
          sessionTimeout: context.sessionTimeoutMs,
          heartbeatInterval: Math.max(100, Math.floor(context.sessionTimeoutMs / 3)),
        }),
    retry: { restartOnFailure: () => Promise.resolve(false) },
  });
  consumer.on(consumer.events.CRASH, (event) => {
    lifecycle.crash(event.payload.error);
  });
  const stop = once(async () => {
    lifecycle.end();
    await consumer.disconnect();
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [subscription.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: context.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => consumePartitionBatch(context, consumer, lifecycle, payload),
    });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { crashed: lifecycle.crashed, stop };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
