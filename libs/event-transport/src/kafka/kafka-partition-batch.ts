import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { attemptBatch } from '../delivery/attempt-batch.js';
import { chunksOf } from '../delivery/chunks.js';
import { deadLetterHeadersFor } from '../delivery/dead-letter.js';
import { type DeliveryOutcome, deliverWithRetry } from '../delivery/deliver-with-retry.js';
import type {
  ResolvedBatchDelivery,
  ResolvedSubscription,
} from '../delivery/subscription-options.js';
import type { Logger } from '../logger.js';
import type { DeliveredMessage } from '../port.js';
import type { RunLifecycle } from '../supervisor/run-lifecycle.js';
import { decodeKafkaMessage } from './kafka-codec.js';
import { PartitionOffsets } from './kafka-offsets.js';
import type { KafkaPublisher } from './kafka-producer.js';

export interface KafkaConsumerRunContext {
  readonly kafka: Kafka;
  readonly subscription: ResolvedSubscription;
  /** Where dead letters go. */
  readonly publisher: Pick<KafkaPublisher, 'publish' | 'send'>;
  readonly logger: Logger;
  readonly sessionTimeoutMs?: number | undefined;
  /** Partitions handled at the same time (default 1); each partition stays in order. */
  readonly partitionsConsumedConcurrently?: number | undefined;
}

interface PartitionBatch {
  readonly context: KafkaConsumerRunContext;
  readonly lifecycle: RunLifecycle;
  readonly payload: EachBatchPayload;
  readonly offsets: PartitionOffsets;
}

/**
 * Consumes one kafkajs batch (consecutive records of one partition): one record at a time, or
 * in batch mode in chunks of at most `maxSize` handed to the batch handler (a chunk whose
 * handler failed is delivered again one record at a time). An offset is resolved only after its
 * record was handled or dead-lettered. A transient failure (or a failed dead-letter publish)
 * keeps what was handled, stops fetching and crashes the run; the rest is redelivered.
 */
export async function consumePartitionBatch(
  context: KafkaConsumerRunContext,
  consumer: Consumer,
  lifecycle: RunLifecycle,
  payload: EachBatchPayload,
): Promise<void> {
  const { batch } = payload;
  const partition: PartitionBatch = {
    context,
    lifecycle,
    payload,
    offsets: new PartitionOffsets(payload),
  };
  const batchMode = context.subscription.batch;
  try {
    const chunks = batchMode ? chunksOf(batch.messages, batchMode.maxSize) : [batch.messages];
    for (const chunk of chunks) {
      const carryOn = batchMode
        ? await consumeChunk(partition, batchMode, chunk)
        : await consumeOneByOne(partition, chunk);
      if (!carryOn) {
        break;
      }
    }
  } catch (error) {
    if (isRebalancing(error)) {
      // Heartbeating found the group rebalancing: kafkajs rejoins by itself and what was not
      // resolved is fetched again.
      throw error;
    }
    consumer.pause([{ topic: batch.topic }]);
    lifecycle.crash(error);
    await partition.offsets.commit().catch(() => undefined);
    return;
  }
  await partition.offsets.commit();
}

/** False when consuming must stop (stopping, crashed, or the batch went stale). */
function mayProceed({ lifecycle, payload }: PartitionBatch): boolean {
  return !lifecycle.signal.aborted && payload.isRunning() && !payload.isStale();
}

async function consumeChunk(
  partition: PartitionBatch,
  batchMode: ResolvedBatchDelivery,
  records: readonly KafkaMessage[],
): Promise<boolean> {
  const { context, payload } = partition;
  const topic = payload.batch.topic;
  const messages: Omit<DeliveredMessage, 'attempt'>[] = [];
  for (const record of records) {
    const decoded = decodeKafkaMessage(topic, record);
    if (!decoded.ok) {
      // A malformed record is dead-lettered on its own: the one-by-one path does that.
      return consumeOneByOne(partition, records);
    }
    messages.push(decoded.message);
  }
  const last = records.at(-1);
  if (!last) {
    return true;
  }
  if (!mayProceed(partition)) {
    return false;
  }
  const outcome = await attemptBatch({
    messages,
    handleBatch: batchMode.handle,
    group: context.subscription.group,
    signal: partition.lifecycle.signal,
    logger: context.logger,
    keepAlive: () => payload.heartbeat(),
  });
  switch (outcome) {
    case 'handled':
      partition.offsets.handled(last.offset, records.length);
      await partition.offsets.commitIfDue();
      await payload.heartbeat();
      return true;
    case 'split':
      return consumeOneByOne(partition, records);
    case 'abandoned':
      return false;
  }
}

async function consumeOneByOne(
  partition: PartitionBatch,
  records: readonly KafkaMessage[],
): Promise<boolean> {
  for (const record of records) {
    if (!mayProceed(partition)) {
      return false;
    }
    const outcome = await deliverRecord(partition, record);
    if (outcome === 'abandoned') {
      return false;
    }
    partition.offsets.handled(record.offset);
    await partition.offsets.commitIfDue();
    await partition.payload.heartbeat();
  }
  return true;
}

async function deliverRecord(
  { context, lifecycle, payload }: PartitionBatch,
  record: KafkaMessage,
): Promise<DeliveryOutcome> {
  const { subscription, publisher, logger } = context;
  const topic = payload.batch.topic;
  const decoded = decodeKafkaMessage(topic, record);
  if (!decoded.ok) {
    const headers = deadLetterHeadersFor(topic, {
      error: `MalformedMessage: ${decoded.problem}`,
      attempts: 0,
      group: subscription.group,
      failedAt: new Date(),
    });
    await publisher.send(subscription.deadLetterTopic, [
      { ...decoded.raw, headers: { ...decoded.raw.headers, ...headers } },
    ]);
    logger.error('kafka record is not an event envelope; dead-lettered', {
      topic,
      offset: record.offset,
      problem: decoded.problem,
    });
    return 'dead-lettered';
  }
  return deliverWithRetry({
    message: decoded.message,
    handler: subscription.handler,
    retry: subscription.retry,
    group: subscription.group,
    deadLetter: (message) => publisher.publish(subscription.deadLetterTopic, [message]),
    signal: lifecycle.signal,
    logger,
    keepAlive: () => payload.heartbeat(),
  });
}

/** The group is rebalancing; mirrors kafkajs's own (unexported) `isRebalancing`. */
function isRebalancing(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'NOT_COORDINATOR_FOR_GROUP' ||
    type === 'ILLEGAL_GENERATION'
  );
}
