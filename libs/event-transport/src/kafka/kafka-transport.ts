import kafkajs from 'kafkajs';
import { InvalidTransportOptionsError } from '../errors/invalid-transport-options-error.js';
import { type Logger, silentLogger } from '../logger.js';
import type { EventTransport, OutgoingMessage } from '../port.js';
import type { BackoffPolicy } from '../retry/backoff.js';
import { TransportSubscriptions } from '../supervisor/transport-subscriptions.js';
import { startKafkaConsumerRun } from './kafka-consumer.js';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-logging.js';
import { KafkaPublisher } from './kafka-producer.js';
import { type TopicDefaults, KafkaTopics } from './kafka-topics.js';

const { Kafka } = kafkajs;

export interface KafkaTransportOptions {
  /** `host:port` of one or more brokers. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: Logger;
  /** For topics this transport creates on demand (each topic and its `.dlq`). */
  readonly topicDefaults?: TopicDefaults;
  /** Waits between consumer restarts after consecutive crashes. */
  readonly restartBackoff?: BackoffPolicy;
  /**
   * How long the group coordinator waits for a silent consumer before giving its partitions to
   * another member (kafkajs default 30 s). Shorter means faster failover after a crash, but a
   * handler that blocks the consumer longer than this loses its partitions.
   */
  readonly sessionTimeoutMs?: number;
  /**
   * Partitions a subscription consumes at the same time, in both delivery modes. Defaults to
   * `topicDefaults.partitions`, so every partition of a topic this transport created has its own
   * lane. Order per key is kept at any value: a key lives on one partition, and each partition
   * is consumed in order.
   */
  readonly partitionsConsumedConcurrently?: number;
}

export interface KafkaTransport extends EventTransport {
  readonly name: 'kafka';
  /** Creates the topics if missing and waits until they have leaders (idempotent). */
  ensureTopics(topics: readonly string[]): Promise<void>;
}

export const defaultTopicDefaults: TopicDefaults = { partitions: 3 };

/**
 * The Kafka adapter of `EventTransport` (kafkajs). One topic per publishing context, records
 * keyed by the message key; topics are created on demand. Each subscription is a consumer in
 * the subscription's group that reads from the beginning when the group is new, and runs under
 * a supervisor that restarts it after a crash. Callers set `KAFKAJS_NO_PARTITIONER_WARNING=1`.
 */
export function createKafkaTransport(options: KafkaTransportOptions): KafkaTransport {
  const logger = options.logger ?? silentLogger;
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: kafkaLogLevel,
    logCreator: kafkaLogCreator(logger),
  });
  const topicDefaults = options.topicDefaults ?? defaultTopicDefaults;
  const partitionsConsumedConcurrently =
    options.partitionsConsumedConcurrently ?? topicDefaults.partitions;
  if (!Number.isSafeInteger(partitionsConsumedConcurrently) || partitionsConsumedConcurrently < 1) {
    throw new InvalidTransportOptionsError(
      `partitionsConsumedConcurrently must be a positive integer, got ${String(partitionsConsumedConcurrently)}`,
    );
  }
  const topics = new KafkaTopics(kafka, topicDefaults, logger);
  const publisher = new KafkaPublisher(kafka, topics);
  const subscriptions = new TransportSubscriptions('kafka', logger, options.restartBackoff);

  return {
    name: 'kafka',

    async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
      subscriptions.assertOpen();
      await publisher.publish(topic, messages);
    },

    subscribe: (subscriptionOptions) =>
      subscriptions.subscribe(subscriptionOptions, async (subscription) => {
        const needed = [subscription.topic, subscription.deadLetterTopic];
        try {
          await topics.ensure(needed);
          return await startKafkaConsumerRun({
            kafka,
            subscription,
            publisher,
            logger,
            sessionTimeoutMs: options.sessionTimeoutMs,
            partitionsConsumedConcurrently,
          });
        } catch (error) {
          topics.forget(needed);
          throw error;
        }
      }),

    ensureTopics: (names) => topics.ensure(names),

    async close(): Promise<void> {
      await subscriptions.closeAll();
      await publisher.close();
      await topics.close();
    },
  };
}
