import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../envelope.js';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import { silentLogger } from '../logger.js';
import type { DeliveredMessage, OutgoingMessage } from '../port.js';
import { deadLetterHeaders } from './dead-letter.js';
import { type DeliveryOptions, deliverWithRetry } from './deliver-with-retry.js';

const envelope: EventEnvelope = {
  id: 'e-1',
  type: 'DeviceAttached',
  schemaVersion: 1,
  streamId: 'device-1',
  streamVersion: 1,
  position: 1,
  recordedAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c-1',
  causationId: null,
  actor: 'test',
  tenant: null,
  data: { slot: 3 },
};

const message = {
  topic: 'tessera.inventory.events.v1',
  key: 'device-1',
  envelope,
  headers: { trace: 't' },
};

function options(overrides: Partial<DeliveryOptions>): DeliveryOptions & {
  deadLettered: OutgoingMessage[];
} {
  const deadLettered: OutgoingMessage[] = [];
  return {
    message,
    handler: () => Promise.resolve(),
    retry: { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 1_000 },
    group: 'composer',
    deadLetter: (dead) => {
      deadLettered.push(dead);
      return Promise.resolve();
    },
    signal: new AbortController().signal,
    logger: silentLogger,
    now: () => new Date('2026-02-03T04:05:06.000Z'),
    deadLettered,
    ...overrides,
  };
}

describe('deliverWithRetry', () => {
  it('hands the message over once when the handler succeeds', async () => {
    const seen: DeliveredMessage[] = [];
    const outcome = await deliverWithRetry(
      options({
        handler: (delivered) => {
          seen.push(delivered);
          return Promise.resolve();
        },
      }),
    );
    expect(outcome).toBe('handled');
    expect(seen).toEqual([{ ...message, attempt: 1 }]);
  });

  it('retries with growing waits until the handler succeeds', async () => {
    const attempts: { attempt: number; at: number }[] = [];
    const outcome = await deliverWithRetry(
      options({
        retry: { maxAttempts: 5, initialBackoffMs: 40, maxBackoffMs: 1_000 },
        handler: ({ attempt }) => {
          attempts.push({ attempt, at: performance.now() });
          return attempt < 3 ? Promise.reject(new Error('not yet')) : Promise.resolve();
        },
      }),
    );
    expect(outcome).toBe('handled');
    expect(attempts.map(({ attempt }) => attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = attempts.map(({ at }) => at);
    // Minimum waits: 20 ms after the first failure, 40 ms after the second (1 ms timer slack).
    expect(second! - first!).toBeGreaterThanOrEqual(19);
    expect(third! - second!).toBeGreaterThanOrEqual(39);
  });

  it('dead-letters after maxAttempts failures, with the reason and the original message', async () => {
    let calls = 0;
    const run = options({
      handler: () => {
        calls += 1;
        return Promise.reject(new RangeError('slot 3 does not exist'));
      },
    });
    expect(await deliverWithRetry(run)).toBe('dead-lettered');
    expect(calls).toBe(3);
    expect(run.deadLettered).toEqual([
      {
        key: 'device-1',
        envelope,
        headers: {
          trace: 't',
          [deadLetterHeaders.error]: 'RangeError: slot 3 does not exist',
          [deadLetterHeaders.attempts]: '3',
          [deadLetterHeaders.originalTopic]: 'tessera.inventory.events.v1',
          [deadLetterHeaders.group]: 'composer',
          [deadLetterHeaders.failedAt]: '2026-02-03T04:05:06.000Z',
        },
      },
    ]);
  });

  it('rethrows transient infrastructure errors at once, without retrying or dead-lettering', async () => {
    let calls = 0;
    const outage = new TransientInfrastructureError('database unreachable');
    const run = options({
      handler: () => {
        calls += 1;
        return Promise.reject(outage);
      },
    });
    await expect(deliverWithRetry(run)).rejects.toBe(outage);
    expect(calls).toBe(1);
    expect(run.deadLettered).toEqual([]);
  });

  it('fails (so nothing is acknowledged) when the dead-letter publish fails', async () => {
    const run = options({
      retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
      handler: () => Promise.reject(new Error('poison')),
      deadLetter: () => Promise.reject(new TransientInfrastructureError('broker down')),
    });
    await expect(deliverWithRetry(run)).rejects.toThrow('broker down');
  });

  it('abandons the message when the consumer stops during a backoff', async () => {
    const stopping = new AbortController();
    let calls = 0;
    const delivering = deliverWithRetry(
      options({
        retry: { maxAttempts: 5, initialBackoffMs: 60_000, maxBackoffMs: 60_000 },
        signal: stopping.signal,
        handler: () => {
          calls += 1;
          return Promise.reject(new Error('fails'));
        },
      }),
    );
    setTimeout(() => {
      stopping.abort();
    }, 20);
    expect(await delivering).toBe('abandoned');
    expect(calls).toBe(1);
  });
});
