import { expect, it } from 'vitest';
import {
  type ContractContext,
  contractTestTimeoutMs,
  DeliveryRecorder,
  eventually,
  interleavedEvents,
  perKeyOrderViolations,
  sleep,
} from './contract-helpers.js';

/** Happy-path delivery: order, fan-out to groups, work sharing, stop. */
export function describeDeliveryContract(context: ContractContext): void {
  it(
    'delivers every message once per group, in order per key, with many keys interleaved',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('order');
      const recorder = new DeliveryRecorder();
      await transport.subscribe({
        topic,
        group: context.uniqueName('g'),
        handler: recorder.handler(),
      });

      const keys = Array.from({ length: 12 }, (_, index) => `stream-${index}`);
      const messages = interleavedEvents(keys, 20);
      for (let start = 0; start < messages.length; start += 40) {
        await transport.publish(topic, messages.slice(start, start + 40));
      }
      await eventually('every message is delivered', () => recorder.hasAll(messages));

      expect(perKeyOrderViolations(recorder.deliveries)).toEqual([]);
      for (const key of keys) {
        const versions = recorder.deliveries
          .filter((delivery) => delivery.key === key)
          .map((delivery) => delivery.envelope.streamVersion);
        expect(versions, key).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      }
      const sample = recorder.deliveries[0];
      const published = messages.find((message) => message.envelope.id === sample?.envelope.id);
      expect(sample).toMatchObject({
        topic,
        key: published?.key,
        envelope: published?.envelope,
        attempt: 1,
        headers: { 'contract-sequence': published?.headers?.['contract-sequence'] },
      });
    },
    contractTestTimeoutMs,
  );

  it(
    'gives every message to each of two groups',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('fanout');
      const billing = new DeliveryRecorder();
      const audit = new DeliveryRecorder();
      await transport.subscribe({
        topic,
        group: context.uniqueName('billing'),
        handler: billing.handler(),
      });
      await transport.subscribe({
        topic,
        group: context.uniqueName('audit'),
        handler: audit.handler(),
      });

      const messages = interleavedEvents(['a', 'b', 'c'], 10);
      await transport.publish(topic, messages);
      await eventually(
        'both groups saw every message',
        () => billing.hasAll(messages) && audit.hasAll(messages),
      );
      expect(perKeyOrderViolations(billing.deliveries)).toEqual([]);
      expect(perKeyOrderViolations(audit.deliveries)).toEqual([]);
    },
    contractTestTimeoutMs,
  );

  it(
    'shares a group between its subscribers, and the survivor takes over when one stops',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('shared');
      const group = context.uniqueName('workers');
      const recorder = new DeliveryRecorder();
      const first = await transport.subscribe({ topic, group, handler: recorder.handler() });
      const second = await transport.subscribe({ topic, group, handler: recorder.handler() });

      const before = interleavedEvents(['x', 'y', 'z', 'w'], 5);
      await transport.publish(topic, before);
      await eventually('the group handled the first messages', () => recorder.hasAll(before));

      await first.stop();
      const after = interleavedEvents(['x2', 'y2', 'z2', 'w2'], 5);
      await transport.publish(topic, after);
      await eventually('the surviving member handled the later messages', () =>
        recorder.hasAll(after),
      );
      expect(second.status().state).toBe('running');
    },
    contractTestTimeoutMs,
  );

  it(
    'stops delivering after stop(), and a later subscriber of the group resumes where it stopped',
    async () => {
      const transport = await context.transport();
      const topic = context.uniqueName('stop');
      const group = context.uniqueName('g');
      const early = new DeliveryRecorder();
      const subscription = await transport.subscribe({ topic, group, handler: early.handler() });

      const first = interleavedEvents(['k'], 3);
      await transport.publish(topic, first);
      await eventually('the first messages are handled', () => early.hasAll(first));
      await subscription.stop();
      expect(subscription.status().state).toBe('stopped');

      const later = interleavedEvents(['k2'], 3);
      await transport.publish(topic, later);
      await sleep(1_500);
      expect(early.deliveries.map((delivery) => delivery.key)).not.toContain('k2');

      const resumed = new DeliveryRecorder();
      await transport.subscribe({ topic, group, handler: resumed.handler() });
      await eventually('the next subscriber handles what was published meanwhile', () =>
        resumed.hasAll(later),
      );
      expect(resumed.deliveries.filter((delivery) => delivery.key === 'k')).toEqual([]);
    },
    contractTestTimeoutMs,
  );
}
