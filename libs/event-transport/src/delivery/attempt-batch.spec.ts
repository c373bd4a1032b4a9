import { describe, expect, it } from 'vitest';
import { interleavedEvents } from '../contract/contract-helpers.js';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import { silentLogger } from '../logger.js';
import type { BatchHandler, DeliveredMessage } from '../port.js';
import { attemptBatch } from './attempt-batch.js';

const messages = interleavedEvents(['a', 'b'], 2).map((message) => ({
  ...message,
  topic: 'tessera.test.events.v1',
  headers: {},
}));

function attempt(
  handleBatch: BatchHandler,
  options: { signal?: AbortSignal; count?: number } = {},
) {
  return attemptBatch({
    messages: messages.slice(0, options.count ?? messages.length),
    handleBatch,
    group: 'test',
    signal: options.signal ?? new AbortController().signal,
    logger: silentLogger,
  });
}

describe('attemptBatch', () => {
  it('hands the whole batch, in order and as first attempts, and reports it handled', async () => {
    const seen: DeliveredMessage[][] = [];
    const outcome = await attempt((batch) => {
      seen.push([...batch]);
      return Promise.resolve();
    });
    expect(outcome).toBe('handled');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.map((message) => message.envelope.id)).toEqual(
      messages.map((m) => m.envelope.id),
    );
    expect(seen[0]?.every((message) => message.attempt === 1)).toBe(true);
  });

  it('asks for one-by-one delivery when the handler fails for a reason other than infrastructure', async () => {
    expect(await attempt(() => Promise.reject(new RangeError('poison')))).toBe('split');
  });

  it('rethrows a transient infrastructure failure, so that the consumer crashes', async () => {
    const failure = new TransientInfrastructureError('db down');
    await expect(attempt(() => Promise.reject(failure))).rejects.toBe(failure);
  });

  it('leaves a batch of one to per-message delivery, and abandons when stopping', async () => {
    let calls = 0;
    const counting: BatchHandler = () => {
      calls += 1;
      return Promise.resolve();
    };
    expect(await attempt(counting, { count: 1 })).toBe('split');
    const stopping = new AbortController();
    stopping.abort();
    expect(await attempt(counting, { signal: stopping.signal })).toBe('abandoned');
    expect(calls).toBe(0);
  });
});
