import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tessera/event-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../errors.js';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
});
afterAll(async () => {
  await fixture.close();
});

const streamId = (): string => `counter-${randomUUID()}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The log position just before `eventId`: a checkpoint from which it is the next event. */
async function positionBefore(
  eventId: string,
): Promise<{ transactionId: string; position: number }> {
  const { rows } = await fixture.pool.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position FROM "${fixture.schema}".events WHERE id = $1`,
    [eventId],
  );
  return { transactionId: rows[0]!.transaction_id, position: Number(rows[0]!.position) - 1 };
}

describe('subscriptions on the store log', () => {
  it('never skips a transaction that took a lower position but commits after a higher one', async () => {
    const seen: EventEnvelope[] = [];
    const subscription = await fixture.store.subscribe({
      name: `late-commit-${randomUUID()}`,
      idlePollMs: 50,
      handle: (events) => {
        seen.push(...events);
        return Promise.resolve();
      },
    });
    const holder = await fixture.pool.connect();
    try {
      await holder.query('BEGIN');
      const early = await fixture.store.append(
        streamId(),
        [newEvent()],
        appendOptions('no-stream', { client: holder }),
      );
      const late = await fixture.store.append(streamId(), [newEvent()], appendOptions('no-stream'));
      const lowId = early.events[0]!.id;
      const highId = late.events[0]!.id;
      expect(early.events[0]!.position).toBeLessThan(late.events[0]!.position);

      // B committed and notified; give the subscriber time to (wrongly) move past A.
      await sleep(600);
      expect(seen.map((event) => event.id)).not.toContain(highId);
      const direct = await fixture.store.readAll({
        after: subscription.status().position,
        limit: 1000,
      });
      expect(direct.events.map((event) => event.id)).not.toContain(highId);

      await holder.query('COMMIT');
      await eventually(() => seen.some((event) => event.id === highId), 'both events', 20_000);
      const ids = seen.map((event) => event.id);
      expect(ids.filter((id) => id === lowId || id === highId)).toEqual([lowId, highId]);
    } finally {
      if (holder.getTransactionStatus() !== 'I') await holder.query('ROLLBACK');
      holder.release();
      await subscription.stop();
    }
    expect(subscription.status().state).toBe('stopped');
  });

  it('commits the checkpoint with the handler writes, and fails visibly when the handler throws', async () => {
    await fixture.pool.query('CREATE TABLE IF NOT EXISTS public.seen (id uuid PRIMARY KEY)');
    const stream = streamId();
    const good = newEvent();
    const poison = newEvent('Poison');
    await fixture.store.append(stream, [good], appendOptions('no-stream'));
    await fixture.store.append(stream, [poison], appendOptions(1));
    const name = `failing-${randomUUID()}`;
    const start = await positionBefore(good.id);
    await fixture.pool.query(
      `INSERT INTO "${fixture.schema}".subscription_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)`,
      [name, start.transactionId, start.position],
    );
    const failures: unknown[] = [];
    const subscription = await fixture.store.subscribe({
      name,
      batchSize: 1,
      idlePollMs: 50,
      onFailed: (error) => failures.push(error),
      handle: async (events, client) => {
        for (const event of events) {
          await client.query('INSERT INTO public.seen VALUES ($1)', [event.id]);
          if (event.type === 'Poison') throw new Error(`cannot handle ${event.id}`);
        }
      },
    });

    await expect(subscription.finished).rejects.toThrow(`cannot handle ${poison.id}`);
    expect(subscription.status()).toMatchObject({ state: 'failed', handledEvents: 1 });
    expect(subscription.status().lastError).toContain('cannot handle');
    expect(failures).toHaveLength(1);
    const { rows } = await fixture.pool.query<{ id: string }>(
      'SELECT id FROM public.seen WHERE id = ANY($1)',
      [[good.id, poison.id]],
    );
    expect(rows.map((row) => row.id)).toEqual([good.id]);
    const { rows: checkpoint } = await fixture.pool.query<{ position: string }>(
      `SELECT position FROM "${fixture.schema}".subscription_checkpoints WHERE name = $1`,
      [name],
    );
    const goodPosition = (await fixture.store.readStream(stream)).events[0]!.position;
    expect(Number(checkpoint[0]?.position)).toBe(goodPosition);
  });

  it('rolls back and retries a batch whose handler lost an append race, instead of failing', async () => {
    const event = (await fixture.store.append(streamId(), [newEvent()], appendOptions('no-stream')))
      .events[0]!;
    const name = `retrying-${randomUUID()}`;
    await fixture.pool.query(
      `INSERT INTO "${fixture.schema}".subscription_checkpoints (name, transaction_id, position)
       VALUES ($1, $2::xid8, $3)`,
      [name, ...Object.values(await positionBefore(event.id))],
    );
    let attempts = 0;
    const subscription = await fixture.store.subscribe({
      name,
      idlePollMs: 20,
      handle: (events) => {
        if (events.some((seen) => seen.id === event.id)) attempts += 1;
        if (attempts === 1) {
          return Promise.reject(new ConcurrencyError(event.streamId, 1, 2));
        }
        return Promise.resolve();
      },
    });
    await eventually(() => subscription.status().handledEvents > 0, 'the retried batch');
    expect(attempts).toBe(2);
    expect(subscription.status().state).toBe('running');
    await subscription.stop();
  });

  it('resumes after a restart from its checkpoint without handling anything twice', async () => {
    const name = `resume-${randomUUID()}`;
    const seen: string[] = [];
    const handle = (events: readonly EventEnvelope[]): Promise<void> => {
      seen.push(...events.map((event) => event.id));
      return Promise.resolve();
    };
    const stream = streamId();
    const initial = await fixture.store.append(
      stream,
      [newEvent(), newEvent()],
      appendOptions('no-stream'),
    );
    const first = await fixture.store.subscribe({ name, handle, idlePollMs: 50 });
    await eventually(
      () => initial.events.every((event) => seen.includes(event.id)),
      'the first events',
    );
    await first.stop();

    const more = await fixture.store.append(stream, [newEvent()], appendOptions(2));
    const countBefore = seen.length;
    const second = await fixture.store.subscribe({ name, handle, idlePollMs: 50 });
    await eventually(() => seen.includes(more.events[0]!.id), 'the new event');
    await second.stop();
    expect(seen.slice(countBefore)).toEqual([more.events[0]!.id]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shares one checkpoint between instances with the same name: each event is handled once', async () => {
    const name = `shared-${randomUUID()}`;
    const seen: string[] = [];
    const handle = async (events: readonly EventEnvelope[]): Promise<void> => {
      seen.push(...events.map((event) => event.id));
      await sleep(2);
    };
    const instances = await Promise.all(
      [0, 1].map(() => fixture.store.subscribe({ name, handle, batchSize: 7, idlePollMs: 20 })),
    );
    const appended: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const result = await fixture.store.append(
        streamId(),
        [newEvent(), newEvent(), newEvent()],
        appendOptions('no-stream'),
      );
      appended.push(...result.events.map((event) => event.id));
    }
    await eventually(() => appended.every((id) => seen.includes(id)), 'every event');
    await Promise.all(instances.map((instance) => instance.stop()));
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.filter((id) => appended.includes(id))).toEqual(appended);
  });
});
