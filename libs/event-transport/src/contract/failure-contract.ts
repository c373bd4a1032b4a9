import { expect, it } from 'vitest';
import { deadLetterHeaders } from '../delivery/dead-letter.js';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import { deadLetterTopicFor, type RetryPolicy } from '../port.js';
import { minimumBackoffDelayMs } from '../retry/backoff.js';
import {
  type ContractContext,
  contractTestTimeoutMs,
  DeliveryRecorder,
  eventually,
  interleavedEvents,
  itemAt,
  perKeyOrderViolations,
  watchCrashes,
  watchStates,
} from './contract-helpers.js';

/** Failures: consumer crashes, lost connections and poison messages. */
export function describeFailureContract(
  context: ContractContext,
  options: { readonly cutsConnections: boolean },
): void {
  it(
    'restarts a consumer whose handler hit an infrastructure failure and redelivers the message',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('crash');
      const messages = interleavedEvents(['order-1', 'order-2'], 4);
      const victim = itemAt(messages, 4);
      let crashed = false;
      const recorder = new DeliveryRecorder();
      const subscription = await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        handler: recorder.handler((message) => {
          if (message.envelope.id === victim.envelope.id && !crashed) {
            crashed = true;
            throw new TransientInfrastructureError('database connection lost');
          }
        }),
      });
      const watcher = watchStates(subscription);
      await transport.publish(topic, messages);
      await eventually('every message is handled after the restart', () =>
        recorder.hasAll(messages),
      );
      await eventually('the consumer runs again', () => subscription.status().state === 'running');
      watcher.stop();

      expect(recorder.count(victim.envelope.id)).toBeGreaterThanOrEqual(2);
      expect(watcher.states).toEqual(expect.arrayContaining(['running', 'restarting']));
      expect(watcher.states.indexOf('restarting')).toBeLessThan(
        watcher.states.lastIndexOf('running'),
      );
      const status = subscription.status();
      expect(status.restarts).toBeGreaterThanOrEqual(1);
      expect(status.lastError).toContain('database connection lost');
      expect(perKeyOrderViolations(recorder.deliveries)).toEqual([]);
    },
    contractTestTimeoutMs,
  );

  it(
    'loses nothing when consumers crash repeatedly between handling and acknowledging',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('no-loss');
      const messages = interleavedEvents(['a', 'b', 'c', 'd', 'e'], 12);
      const victims = new Set(
        messages.filter((_, index) => index % 15 === 7).map((m) => m.envelope.id),
      );
      const recorder = new DeliveryRecorder();
      const subscription = await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        handler: recorder.handler((message) => {
          // The effect is recorded, then the consumer dies before acknowledging it.
          if (victims.delete(message.envelope.id)) {
            throw new TransientInfrastructureError('crash before acknowledgement');
          }
        }),
      });
      const half = messages.length / 2;
      await transport.publish(topic, messages.slice(0, half));
      await transport.publish(topic, messages.slice(half));

      await eventually(
        'every published message is handled',
        () => recorder.hasAll(messages),
        60_000,
      );
      expect(victims.size).toBe(0);
      expect(subscription.status().restarts).toBeGreaterThanOrEqual(4);
      expect(perKeyOrderViolations(recorder.deliveries)).toEqual([]);
    },
    contractTestTimeoutMs,
  );

  it(
    'dead-letters a poison message after exactly maxAttempts attempts with growing backoff, and moves on',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('poison');
      const retry: RetryPolicy = { maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 2_000 };
      const messages = interleavedEvents(['device-1', 'device-2'], 3);
      const poison = itemAt(messages, 2);
      const group = context.uniqueName('g');
      const recorder = new DeliveryRecorder();
      const deadLetters = new DeliveryRecorder();
      const subscription = await transport.subscribe({
        topic,
        group,
        retry,
        handler: recorder.handler((message) => {
          if (message.envelope.id === poison.envelope.id) {
            throw new RangeError(`cannot apply ${message.envelope.type}`);
          }
        }),
      });
      const crashes = watchCrashes(subscription);
      await transport.subscribe({
        topic: deadLetterTopicFor(topic),
        group: context.uniqueName('dlq-reader'),
        handler: deadLetters.handler(),
      });
      await transport.publish(topic, messages);

      await eventually('the poison message is dead-lettered', () => deadLetters.hasAll([poison]));
      await eventually('later messages still flow', () => recorder.hasAll(messages));

      const attempts = recorder.deliveries.filter((d) => d.envelope.id === poison.envelope.id);
      expect(attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3, 4]);
      attempts.slice(1).forEach((attempt, index) => {
        const waited = attempt.at - itemAt(attempts, index).at;
        expect(waited).toBeGreaterThanOrEqual(minimumBackoffDelayMs(retry, index + 1) - 2);
      });
      const afterPoison = recorder.deliveries.find(
        (delivery) => delivery.key === poison.key && delivery.envelope.streamVersion === 3,
      );
      expect(afterPoison?.at).toBeGreaterThan(itemAt(attempts, 3).at);

      const [deadLetter] = deadLetters.deliveries;
      expect(deadLetter).toMatchObject({ key: poison.key, envelope: poison.envelope });
      expect(deadLetter?.headers).toMatchObject({
        [deadLetterHeaders.attempts]: '4',
        [deadLetterHeaders.originalTopic]: topic,
        [deadLetterHeaders.group]: group,
        [deadLetterHeaders.error]: 'RangeError: cannot apply ContractProbed',
        'contract-sequence': '2',
      });
      const failedAt = Date.parse(deadLetter?.headers[deadLetterHeaders.failedAt] ?? '');
      expect(Math.abs(Date.now() - failedAt)).toBeLessThan(120_000);
      expect(deadLetters.deliveries).toHaveLength(1);
      crashes.stop();
      expect(subscription.status().state).toBe('running');
      expect(crashes.causes.filter((cause) => cause.includes('RangeError'))).toEqual([]);
    },
    contractTestTimeoutMs,
  );

  it(
    'never dead-letters a message because of an infrastructure failure',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('outage');
      const messages = interleavedEvents(['host-1'], 3);
      let outages = 3;
      const succeeded = new Set<string>();
      const recorder = new DeliveryRecorder();
      const deadLetters = new DeliveryRecorder();
      const subscription = await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        retry: { maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 },
        handler: recorder.handler((message) => {
          if (outages > 0) {
            outages -= 1;
            throw new TransientInfrastructureError('database is down');
          }
          succeeded.add(message.envelope.id);
        }),
      });
      await transport.subscribe({
        topic: deadLetterTopicFor(topic),
        group: context.uniqueName('dlq-reader'),
        handler: deadLetters.handler(),
      });
      await transport.publish(topic, messages);
      await eventually(
        'every message is handled once the outage is over',
        () => messages.every((message) => succeeded.has(message.envelope.id)),
        60_000,
      );
      // A marker behind anything dead-lettered for this key: once it arrives, nothing else did.
      const marker = itemAt(interleavedEvents(['host-1'], 1), 0);
      await transport.publish(deadLetterTopicFor(topic), [marker]);
      await eventually('the dead-letter reader is caught up', () => deadLetters.hasAll([marker]));
      expect(deadLetters.deliveries.map((delivery) => delivery.envelope.id)).toEqual([
        marker.envelope.id,
      ]);
      expect(subscription.status().restarts).toBeGreaterThanOrEqual(3);
    },
    contractTestTimeoutMs,
  );

  if (!options.cutsConnections) {
    return;
  }
  it(
    'redelivers and recovers when its connections are cut between handling and acknowledging',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('cut');
      const before = interleavedEvents(['p', 'q'], 3);
      const victim = itemAt(before, 3);
      let cut = false;
      const recorder = new DeliveryRecorder();
      const record = recorder.handler();
      const subscription = await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        handler: async (message) => {
          await record(message);
          if (message.envelope.id === victim.envelope.id && !cut) {
            cut = true;
            await context.fixture().breakConsumerConnections?.();
          }
        },
      });
      await transport.publish(topic, before);
      await eventually('the first messages are handled', () => recorder.hasAll(before));
      await eventually(
        'the cut message is delivered again',
        () => recorder.count(victim.envelope.id) >= 2,
      );
      expect(subscription.status().restarts).toBeGreaterThanOrEqual(1);

      const after = interleavedEvents(['p2', 'q2'], 3);
      await transport.publish(topic, after);
      await eventually('messages published after the cut are handled', () =>
        recorder.hasAll(after),
      );
      expect(subscription.status().state).toBe('running');
      expect(perKeyOrderViolations(recorder.deliveries)).toEqual([]);
    },
    contractTestTimeoutMs,
  );
}
