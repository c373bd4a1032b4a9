import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka } from 'kafkajs';
import { quietKafkaLogging } from '../quiet-kafkajs.js';
import { silenceKafkajsPartitionerWarning } from './test-env.js';

/** A quiet kafkajs client for the given brokers. */
export function testClient(brokers: string[]): Kafka {
  silenceKafkajsPartitionerWarning();
  return new Kafka({ clientId: 'tessera-local-kafka-test', brokers, ...quietKafkaLogging });
}

/** Produces `value` to a new topic with an idempotent producer and acks from all replicas. */
export async function produceOne(kafka: Kafka, topic: string, value: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value }] });
  } finally {
    await producer.disconnect();
  }
}

/** The first message of `topic` read by a new consumer group, or an error after `timeoutMs`. */
export async function consumeFirst(
  kafka: Kafka,
  topic: string,
  timeoutMs = 60_000,
): Promise<string> {
  const consumer = kafka.consumer({ groupId: `${topic}-reader` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const first = new Promise<string>((resolve) => {
      void consumer.run({
        eachMessage: ({ message }) => {
          resolve(message.value?.toString('utf8') ?? '');
          return Promise.resolve();
        },
      });
    });
    const timeout = sleep(timeoutMs, undefined, { ref: false }).then(() => {
      throw new Error(`no message on ${topic} within ${timeoutMs} ms`);
    });
    return await Promise.race([first, timeout]);
  } finally {
    await consumer.disconnect();
  }
}
