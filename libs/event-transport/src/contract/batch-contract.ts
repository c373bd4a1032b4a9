import { expect, it } from 'vitest';
import { deadLetterHeaders } from '../delivery/dead-letter.js';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import { deadLetterTopicFor, type RetryPolicy } from '../port.js';
import { BatchRecorder } from './batch-recorder.js';
import {
  type ContractContext,
  contractTestTimeoutMs,
  DeliveryRecorder,
  eventually,
  interleavedEvents,
  itemAt,
  perKeyOrderViolations,
  watchCrashes,
} from './contract-helpers.js';

/**
 * Batch delivery (`handleBatch`). Messages are published before the subscriber starts, so that
 * the consumer finds a backlog and really forms batches of several messages.
 */
export function describeBatchContract(context: ContractContext): void {
  it(
    'batch mode: delivers every message in batches of at most maxBatchSize, in order per key',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('batch-order');
      const keys = Array.from({ length: 12 }, (_, index) => `stream-${index}`);
      const messages = interleavedEvents(keys, 20);
      for (let start = 0; start < messages.length; start += 40) {
        await transport.publish(topic, messages.slice(start, start + 40));
      }
      const recorder = new BatchRecorder();
      await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        handleBatch: recorder.handleBatch(),
        maxBatchSize: 25,
      });
      await eventually('every message is handled', () => recorder.handledAll(messages));

      const deliveries = recorder.deliveries();
      expect(perKeyOrderViolations(deliveries)).toEqual([]);
      for (const key of keys) {
        const versions = deliveries
          .filter((delivery) => delivery.key === key)
          .map((delivery) => delivery.envelope.streamVersion);
        expect(versions, key).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      }
      const sizes = recorder.batches.map((batch) => batch.length);
      expect(Math.max(...sizes)).toBeGreaterThan(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(25);
      expect(
        deliveries.every((delivery) => delivery.attempt === 1 && delivery.topic === topic),
      ).toBe(true);
    },
    contractTestTimeoutMs,
  );

  it(
    'batch mode: isolates a poison message, dead-letters it after maxAttempts and handles the rest of its batch',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('batch-poison');
      const retry: RetryPolicy = { maxAttempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 };
      const messages = interleavedEvents(['device-1', 'device-2'], 5);
      const poison = itemAt(messages, 4);
      const others = messages.filter((message) => message !== poison);
      await transport.publish(topic, messages);
      const group = context.uniqueName('g');
      const recorder = new BatchRecorder();
      const deadLetters = new DeliveryRecorder();
      const subscription = await transport.subscribe({
        topic,
        group,
        retry,
        handleBatch: recorder.handleBatch((batch) => {
          if (batch.some((message) => message.envelope.id === poison.envelope.id)) {
            throw new RangeError('cannot apply ContractProbed');
          }
        }),
      });
      const crashes = watchCrashes(subscription);
      await transport.subscribe({
        topic: deadLetterTopicFor(topic),
        group: context.uniqueName('dlq-reader'),
        handler: deadLetters.handler(),
      });

      await eventually('the poison message is dead-lettered', () => deadLetters.hasAll([poison]));
      await eventually('the other messages are handled', () => recorder.handledAll(others));

      const withPoison = recorder.batchesWith(poison.envelope.id);
      expect(withPoison.some((batch) => batch.length > 1)).toBe(true);
      const alone = withPoison.filter((batch) => batch.length === 1).map((b) => itemAt(b, 0));
      expect(alone.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
      expect(recorder.succeeded.has(poison.envelope.id)).toBe(false);
      expect(perKeyOrderViolations(recorder.deliveries())).toEqual([]);
      expect(deadLetters.deliveries).toHaveLength(1);
      expect(deadLetters.deliveries[0]?.headers).toMatchObject({
        [deadLetterHeaders.attempts]: '3',
        [deadLetterHeaders.group]: group,
        [deadLetterHeaders.error]: 'RangeError: cannot apply ContractProbed',
      });
      crashes.stop();
      expect(subscription.status().state).toBe('running');
      expect(crashes.causes.filter((cause) => cause.includes('RangeError'))).toEqual([]);
    },
    contractTestTimeoutMs,
  );

  it(
    'batch mode: an infrastructure failure crashes the consumer, which restarts and redelivers the batch',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('batch-crash');
      const messages = interleavedEvents(['order-1', 'order-2'], 4);
      const victim = itemAt(messages, 4);
      await transport.publish(topic, messages);
      let crashed = false;
      const recorder = new BatchRecorder();
      const subscription = await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        retry: { maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 },
        handleBatch: recorder.handleBatch((batch) => {
          if (!crashed && batch.some((message) => message.envelope.id === victim.envelope.id)) {
            crashed = true;
            throw new TransientInfrastructureError('database connection lost');
          }
        }),
      });
      await eventually('every message is handled after the restart', () =>
        recorder.handledAll(messages),
      );
      await eventually('the consumer runs again', () => subscription.status().state === 'running');

      expect(recorder.batchesWith(victim.envelope.id).length).toBeGreaterThanOrEqual(2);
      const status = subscription.status();
      expect(status.restarts).toBeGreaterThanOrEqual(1);
      expect(status.lastError).toContain('database connection lost');
      expect(perKeyOrderViolations(recorder.deliveries())).toEqual([]);
    },
    contractTestTimeoutMs,
  );
}
