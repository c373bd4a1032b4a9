import { randomUUID } from 'node:crypto';
import type { DeliveredMessage, EventEnvelope } from '@tessera/event-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventError } from '../errors.js';
import { createStoreFixture, type StoreFixture } from '../test-support/fixtures.js';
import { createIdempotentHandler } from './idempotent-handler.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture({ schema: 'consumer_test' });
  await fixture.pool.query('CREATE TABLE public.effects (event_id uuid NOT NULL, note text)');
});
afterAll(async () => {
  await fixture.close();
});

function delivery(overrides: Partial<EventEnvelope> = {}): DeliveredMessage {
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: 'DeviceAttached',
    schemaVersion: 1,
    streamId: 'device-1',
    streamVersion: 1,
    position: 1,
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

const effectsOf = async (id: string): Promise<number> =>
  Number(
    (
      await fixture.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM public.effects WHERE event_id = $1',
        [id],
      )
    ).rows[0]?.n,
  );

const handlerFor = (consumer: string, fail?: () => Error | undefined) =>
  createIdempotentHandler({
    pool: fixture.pool,
    schema: fixture.schema,
    consumer,
    handle: async (envelope, client) => {
      await client.query('INSERT INTO public.effects (event_id, note) VALUES ($1, $2)', [
        envelope.id,
        consumer,
      ]);
      const error = fail?.();
      if (error) throw error;
    },
  });

describe('createIdempotentHandler', () => {
  it('applies an event once however often it is delivered, per consumer', async () => {
    const message = delivery();
    const handler = handlerFor('projection-a');
    await handler(message);
    await handler(message);
    await handler({ ...message, attempt: 2 });
    expect(await effectsOf(message.envelope.id)).toBe(1);
    await handlerFor('projection-b')(message);
    expect(await effectsOf(message.envelope.id)).toBe(2);
  });

  it('applies racing redeliveries once', async () => {
    const message = delivery();
    const handler = handlerFor('racer');
    await Promise.all(Array.from({ length: 6 }, () => handler(message)));
    expect(await effectsOf(message.envelope.id)).toBe(1);
  });

  it('rolls back the effect and the processed record when the handler fails, and rethrows the same error', async () => {
    const message = delivery();
    const failure = new Error('downstream said no');
    let failing = true;
    const handler = handlerFor('flaky', () => (failing ? failure : undefined));
    await expect(handler(message)).rejects.toBe(failure);
    expect(await effectsOf(message.envelope.id)).toBe(0);
    failing = false;
    await handler(message);
    expect(await effectsOf(message.envelope.id)).toBe(1);
  });

  it('refuses an envelope whose id is not a UUID with a typed error', async () => {
    await expect(handlerFor('strict')(delivery({ id: 'not-a-uuid' }))).rejects.toThrow(
      InvalidEventError,
    );
  });
});
