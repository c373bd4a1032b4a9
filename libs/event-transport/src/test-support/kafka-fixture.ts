import { kafkaBrokers, uniqueTopic } from '@tessera/testing';
import type { TransportContractFixture } from '../contract/transport-contract.js';
import { DeliveryRecorder, eventually, interleavedEvents } from '../contract/contract-helpers.js';
import { createKafkaTransport, type KafkaTransport } from '../kafka/kafka-transport.js';
import { testLogger } from './test-logger.js';

export interface KafkaFixture extends TransportContractFixture {
  createTransport(): Promise<KafkaTransport>;
}

/**
 * Transports on the test harness's Kafka broker, with 4 partitions per topic (so keys really
 * interleave across partitions), consumed concurrently, and short restart backoffs. Topics and groups are unique per
 * test, so the broker needs no cleaning.
 */
export async function createKafkaFixture(): Promise<KafkaFixture> {
  const brokers = kafkaBrokers();
  const uniqueName = (prefix: string): string => uniqueTopic(`tessera.contract.${prefix}`);
  const createTransport = (): Promise<KafkaTransport> =>
    Promise.resolve(
      createKafkaTransport({
        brokers,
        clientId: uniqueName('client'),
        logger: testLogger('kafka'),
        topicDefaults: { partitions: 4 },
        partitionsConsumedConcurrently: 4,
        restartBackoff: { initialBackoffMs: 100, maxBackoffMs: 1_000 },
      }),
    );
  await warmUp(await createTransport(), uniqueName);
  return { createTransport, uniqueName, dispose: () => Promise.resolve() };
}

/**
 * A fresh broker answers its first group and offset requests slowly ("coordinator loading"):
 * one full round trip before the suite keeps those seconds out of the first test.
 */
async function warmUp(
  transport: KafkaTransport,
  uniqueName: (prefix: string) => string,
): Promise<void> {
  try {
    const topic = uniqueName('warm-up');
    const recorder = new DeliveryRecorder();
    await transport.subscribe({ topic, group: uniqueName('warm-up'), handler: recorder.handler() });
    const messages = interleavedEvents(['warm-up'], 1);
    await transport.publish(topic, messages);
    await eventually('the warm-up message arrives', () => recorder.hasAll(messages), 90_000);
  } finally {
    await transport.close();
  }
}
