import kafkajs, { type Kafka, type Message, type Producer } from 'kafkajs';
import type { OutgoingMessage } from '../port.js';
import { encodeKafkaMessage } from './kafka-codec.js';
import type { KafkaTopics } from './kafka-topics.js';

const { Partitioners } = kafkajs;

/**
 * The one producer of a transport: idempotent, `acks=all`, one request in flight so that
 * retries never reorder a key's messages. Partitioned by key (murmur2, like the Java client),
 * so each key stays on one partition and in order. Connects on first use.
 */
export class KafkaPublisher {
  private producer: Promise<Producer> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: KafkaTopics,
  ) {}

  /** Resolves once every message is acknowledged by all in-sync replicas. */
  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    await this.send(topic, messages.map(encodeKafkaMessage));
  }

  /** Sends records as they are (dead-lettering a record that is not an envelope). */
  async send(topic: string, records: Message[]): Promise<void> {
    if (records.length === 0) {
      return;
    }
    try {
      await this.topics.ensure([topic]);
      const producer = await this.connected();
      await producer.send({ topic, messages: records, acks: -1 });
    } catch (error) {
      this.topics.forget([topic]);
      throw error;
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) {
      await (await producer.catch(() => undefined))?.disconnect();
    }
  }

  private connected(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      const connecting = producer.connect().then(() => producer);
      this.producer = connecting;
      connecting.catch(() => {
        if (this.producer === connecting) {
          this.producer = undefined;
        }
      });
    }
    return this.producer;
  }
}
