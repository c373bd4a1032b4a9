import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, NotInTransactionError } from '../errors.js';
import type { NewEvent } from '../types.js';
import {
  appendOptions,
  createStoreFixture,
  newEvent,
  rejectionOf,
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

/** Payloads are usually interfaces, which must fit `NewEvent` without an index signature. */
interface CounterOpened {
  readonly name: string;
}

describe('append', () => {
  it('stores the events with the full envelope and reads them back in order', async () => {
    const stream = streamId();
    const opened: CounterOpened = { name: 'gpus' };
    const first: NewEvent<'CounterOpened', CounterOpened> = {
      id: randomUUID(),
      type: 'CounterOpened',
      schemaVersion: 1,
      data: opened,
    };
    const second = newEvent('CounterIncremented', { by: 2 });
    const result = await fixture.store.append(stream, [first, second], {
      expectedVersion: 'no-stream',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: 'user:alice',
      tenant: 'finance',
    });

    expect(result.nextExpectedVersion).toBe(2);
    expect(result.alreadyAppended).toBe(false);
    const [a, b] = result.events;
    expect(a).toMatchObject({
      id: first.id,
      type: 'CounterOpened',
      schemaVersion: 1,
      streamId: stream,
      streamVersion: 1,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: 'user:alice',
      tenant: 'finance',
      data: { name: 'gpus' },
    });
    expect(b?.streamVersion).toBe(2);
    expect(b!.position).toBeGreaterThan(a!.position);
    expect(new Date(a!.recordedAt).toISOString()).toBe(a!.recordedAt);

    const read = await fixture.store.readStream(stream);
    expect(read.version).toBe(2);
    expect(read.events).toEqual(result.events);
    const tail = await fixture.store.readStream(stream, { fromVersion: 2 });
    expect(tail.events.map((event) => event.id)).toEqual([second.id]);
  });

  it('checks every expected-version form and reports expected and actual versions', async () => {
    const stream = streamId();
    await expect(
      fixture.store.append(stream, [newEvent()], appendOptions('stream-exists')),
    ).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT', expected: 'stream-exists', actual: 0 });
    await expect(fixture.store.append(stream, [newEvent()], appendOptions(3))).rejects.toThrow(
      ConcurrencyError,
    );
    await fixture.store.append(stream, [newEvent()], appendOptions(0));
    await expect(
      fixture.store.append(stream, [newEvent()], appendOptions('no-stream')),
    ).rejects.toMatchObject({ expected: 'no-stream', actual: 1 });
    await fixture.store.append(stream, [newEvent()], appendOptions('stream-exists'));
    const stale = await rejectionOf(fixture.store.append(stream, [newEvent()], appendOptions(1)));
    expect(stale).toMatchObject({ expected: 1, actual: 2 });
    expect(String(stale)).toMatch(/at version 2.*expected version 1/);
    const result = await fixture.store.append(stream, [newEvent()], appendOptions('any'));
    expect(result.nextExpectedVersion).toBe(3);
    expect((await fixture.store.readStream(stream)).events).toHaveLength(3);
  });

  it('lets exactly one of two concurrent appends with the same expected version win', async () => {
    const rounds = 25;
    const deadline = Date.now() + 20_000;
    for (let round = 0; round < rounds && Date.now() < deadline; round += 1) {
      const stream = streamId();
      const expected = round % 2 === 0 ? 'no-stream' : 1;
      if (expected === 1) await fixture.store.append(stream, [newEvent()], appendOptions(0));
      const before = expected === 1 ? 1 : 0;
      const attempts = await Promise.allSettled(
        [0, 1].map(() =>
          fixture.store.append(
            stream,
            [newEvent(), newEvent(), newEvent()],
            appendOptions(expected),
          ),
        ),
      );

      const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
      const lost = attempts.filter((attempt) => attempt.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(ConcurrencyError);
      expect(lost[0]?.reason).toMatchObject({ expected, actual: before + 3 });
      const read = await fixture.store.readStream(stream);
      expect(read.version).toBe(before + 3);
      expect(read.events.map((event) => event.streamVersion)).toEqual(
        Array.from({ length: before + 3 }, (_, index) => index + 1),
      );
    }
  });

  it('joins the caller transaction: its other writes and the events commit or roll back together', async () => {
    await fixture.pool.query(
      'CREATE TABLE IF NOT EXISTS public.ledger (stream_id text PRIMARY KEY)',
    );
    const kept = streamId();
    await fixture.store.transaction(async (client) => {
      await client.query('INSERT INTO public.ledger VALUES ($1)', [kept]);
      await fixture.store.append(kept, [newEvent()], appendOptions('no-stream', { client }));
    });
    const rolledBack = streamId();
    const eventsBefore = await fixture.count('events');
    await expect(
      fixture.store.transaction(async (client) => {
        await client.query('INSERT INTO public.ledger VALUES ($1)', [rolledBack]);
        await fixture.store.append(
          rolledBack,
          [newEvent()],
          appendOptions('no-stream', { client }),
        );
        throw new Error('the command changed its mind');
      }),
    ).rejects.toThrow('changed its mind');

    const { rows } = await fixture.pool.query<{ stream_id: string }>(
      'SELECT stream_id FROM public.ledger WHERE stream_id = ANY($1)',
      [[kept, rolledBack]],
    );
    expect(rows.map((row) => row.stream_id)).toEqual([kept]);
    expect(await fixture.count('events')).toBe(eventsBefore);
    await expect(fixture.store.readStream(rolledBack)).rejects.toMatchObject({
      code: 'STREAM_NOT_FOUND',
    });
  });

  it('refuses a client that is not inside a transaction, storing nothing', async () => {
    const client = await fixture.pool.connect();
    try {
      const eventsBefore = await fixture.count('events');
      await expect(
        fixture.store.append(streamId(), [newEvent()], appendOptions('no-stream', { client })),
      ).rejects.toThrow(NotInTransactionError);
      expect(await fixture.count('events')).toBe(eventsBefore);
    } finally {
      client.release();
    }
  });

  it('refuses to write a stream after a transaction that started later, so log order keeps stream order', async () => {
    const stream = streamId();
    await fixture.store.append(stream, [newEvent()], appendOptions('no-stream'));
    const older = await fixture.pool.connect();
    try {
      await older.query('BEGIN');
      // The older transaction takes its transaction id first (by writing elsewhere) …
      await fixture.store.append(
        streamId(),
        [newEvent()],
        appendOptions('no-stream', { client: older }),
      );
      // … then a younger one appends to the stream and commits.
      await fixture.store.append(stream, [newEvent()], appendOptions(1));
      const refused = await rejectionOf(
        fixture.store.append(stream, [newEvent()], appendOptions(2, { client: older })),
      );
      expect(refused).toBeInstanceOf(ConcurrencyError);
      expect(String(refused)).toMatch(/started after this one/);
    } finally {
      await older.query('ROLLBACK');
      older.release();
    }
    const read = await fixture.store.readStream(stream);
    expect(read.version).toBe(2);
    await fixture.store.append(stream, [newEvent()], appendOptions(2));
  });
});
