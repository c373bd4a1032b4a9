import { describe, expect, it } from 'vitest';
import { interleavedEvents, itemAt } from '../contract/contract-helpers.js';
import { defaultMaxBatchSize, type DeliveredMessage, type SubscriptionOptions } from '../port.js';
import { InvalidSubscriptionError, resolveSubscription } from './subscription-options.js';

const base = { topic: 'tessera.test.events.v1', group: 'test' };
const message: DeliveredMessage = {
  ...itemAt(interleavedEvents(['k'], 1), 0),
  topic: base.topic,
  headers: {},
  attempt: 2,
};

describe('resolveSubscription', () => {
  it('keeps a per-message handler as it is, without batch delivery', () => {
    const handler = () => Promise.resolve();
    const resolved = resolveSubscription({ ...base, handler });
    expect(resolved.handler).toBe(handler);
    expect(resolved.batch).toBeUndefined();
  });

  it('turns a batch handler into batch delivery whose per-message fallback sends batches of one', async () => {
    const batches: (readonly DeliveredMessage[])[] = [];
    const resolved = resolveSubscription({
      ...base,
      handleBatch: (batch) => {
        batches.push(batch);
        return Promise.resolve();
      },
    });
    expect(resolved.batch?.maxSize).toBe(defaultMaxBatchSize);
    await resolved.handler(message);
    expect(batches).toEqual([[message]]);
  });

  it('refuses both handlers, neither, and a maxBatchSize below 1 with InvalidSubscriptionError', () => {
    const both = {
      ...base,
      handler: () => Promise.resolve(),
      handleBatch: () => Promise.resolve(),
    } as unknown as SubscriptionOptions;
    expect(() => resolveSubscription(both)).toThrow(/both handler and handleBatch/);
    expect(() => resolveSubscription(base as unknown as SubscriptionOptions)).toThrow(
      InvalidSubscriptionError,
    );
    expect(() =>
      resolveSubscription({ ...base, handleBatch: () => Promise.resolve(), maxBatchSize: 0 }),
    ).toThrow(/maxBatchSize/);
  });
});
