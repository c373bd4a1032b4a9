import { randomUUID } from 'node:crypto';
import type { DeliveredMessage, EventEnvelope } from '@tessera/event-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventError } from '../errors.js';
import { createStoreFixture, type StoreFixture } from '../test-support/fixtures.js';
import { defineUpcasters } from '../upcasting.js';
import { createIdempotentBatchHandler } from './idempotent-batch-handler.js';
import { createIdempotentHandler } from './idempotent-handler.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture({ schema: 'batch_consumer_test' });
  await fixture.pool.query(
    'CREATE TABLE public.batch_effects (event_id uuid NOT NULL, consumer text, seq int, version int)',
  );
});
afterAll(async () => {
  await fixture.close();
});

function delivery(sequence: number, overrides: Partial<EventEnvelope> = {}): DeliveredMessage {
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: 'DeviceAttached',
    schemaVersion: 1,
    streamId: 'device-1',
    streamVersion: sequence,
    position: sequence,
    recordedAt: new Date().toISOString(),
    correlationId: 'c-1',
    causationId: null,
    actor: 'service:inventory',
    tenant: null,
    data: { deviceId: 'gpu-1' },
    ...overrides,
  };
  return {
    topic: 'tessera.inventory.events.v1',
    key: envelope.streamId,
    envelope,
    headers: {},
    attempt: 1,
  };
}

async function effects(consumer: string): Promise<{ id: string; seq: number; version: number }[]> {
  const { rows } = await fixture.pool.query<{ event_id: string; seq: number; version: number }>(
    'SELECT event_id, seq, version FROM public.batch_effects WHERE consumer = $1 ORDER BY seq',
    [consumer],
  );
  return rows.map((row) => ({ id: row.event_id, seq: row.seq, version: row.version }));
}

async function processedCount(consumer: string): Promise<number> {
  const { rows } = await fixture.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${fixture.schema}.processed_messages WHERE consumer = $1`,
    [consumer],
  );
  return Number(rows[0]?.n);
}

/** A batch handler whose effect is one row per new event, numbered in the order it saw them. */
function batchHandlerFor(consumer: string, fail?: () => Error | undefined) {
  const calls: number[] = [];
  let seq = 0;
  const handler = createIdempotentBatchHandler({
    pool: fixture.pool,
    schema: fixture.schema,
    consumer,
    upcasters: defineUpcasters([
      { type: 'DeviceAttached', fromVersion: 1, upcast: (data) => ({ ...data, upcast: true }) },
    ]),
    handle: async (envelopes, client, messages) => {
      calls.push(envelopes.length);
      expect(messages.map((message) => message.envelope.id)).toEqual(envelopes.map((e) => e.id));
      for (const envelope of envelopes) {
        seq += 1;
        await client.query(
          'INSERT INTO public.batch_effects (event_id, consumer, seq, version) VALUES ($1, $2, $3, $4)',
          [envelope.id, consumer, seq, envelope.schemaVersion],
        );
      }
      const error = fail?.();
      if (error) throw error;
    },
  });
  return { handler, calls };
}

describe('createIdempotentBatchHandler', () => {
  it('applies only the events of a batch that were not processed before, in delivery order, upcast', async () => {
    const batch = [1, 2, 3, 4, 5].map((sequence) => delivery(sequence));
    const [m1, m2, m3, m4, m5] = batch;
    if (!m1 || !m2 || !m3 || !m4 || !m5) throw new Error('five messages expected');
    const single = createIdempotentHandler({
      pool: fixture.pool,
      schema: fixture.schema,
      consumer: 'batch-a',
      handle: () => Promise.resolve(),
    });
    await single(m2);
    await single(m4);
    const { handler, calls } = batchHandlerFor('batch-a');
    await handler(batch);
    expect((await effects('batch-a')).map((effect) => effect.id)).toEqual(
      [m1, m3, m5].map((message) => message.envelope.id),
    );
    expect((await effects('batch-a')).every((effect) => effect.version === 2)).toBe(true);
    expect(await processedCount('batch-a')).toBe(5);

    await handler(batch);
    expect(calls).toEqual([3]);
    expect(await effects('batch-a')).toHaveLength(3);
  });

  it('rolls back every effect and processed record of a failed batch, and rethrows the same error', async () => {
    const batch = [1, 2, 3].map((sequence) => delivery(sequence));
    const failure = new Error('downstream said no');
    let failing = true;
    const { handler } = batchHandlerFor('batch-flaky', () => (failing ? failure : undefined));
    await expect(handler(batch)).rejects.toBe(failure);
    expect(await effects('batch-flaky')).toEqual([]);
    expect(await processedCount('batch-flaky')).toBe(0);
    failing = false;
    await handler(batch);
    expect(await effects('batch-flaky')).toHaveLength(3);
  });

  it('counts an event repeated inside one batch once: its first delivery', async () => {
    const [first, second] = [delivery(1), delivery(2)];
    const upper = {
      ...first,
      envelope: { ...first.envelope, id: first.envelope.id.toUpperCase() },
    };
    const { handler, calls } = batchHandlerFor('batch-dupes');
    await handler([first, second, { ...first, attempt: 2 }, upper]);
    expect(calls).toEqual([2]);
    expect((await effects('batch-dupes')).map((effect) => effect.id)).toEqual([
      first.envelope.id,
      second.envelope.id,
    ]);
    expect(await processedCount('batch-dupes')).toBe(2);
  });

  it('applies racing overlapping batches once', async () => {
    const batch = [1, 2, 3, 4].map((sequence) => delivery(sequence));
    const { handler } = batchHandlerFor('batch-racer');
    await Promise.all([handler(batch), handler([...batch].reverse()), handler(batch.slice(1))]);
    expect(await effects('batch-racer')).toHaveLength(4);
  });

  it('refuses a batch with an envelope id that is not a UUID, recording nothing', async () => {
    const { handler } = batchHandlerFor('batch-strict');
    await expect(handler([delivery(1), delivery(2, { id: 'not-a-uuid' })])).rejects.toThrow(
      InvalidEventError,
    );
    expect(await processedCount('batch-strict')).toBe(0);
  });
});
