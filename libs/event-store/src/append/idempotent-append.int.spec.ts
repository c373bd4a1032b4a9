import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateEventIdError } from '../errors.js';
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

describe('idempotent append by event id', () => {
  it('returns the original result for a repeated append and stores nothing new', async () => {
    const stream = streamId();
    const events = [newEvent('CounterOpened', { name: 'a' }), newEvent()];
    const first = await fixture.store.append(stream, events, appendOptions('no-stream'));
    const eventsBefore = await fixture.count('events');

    const again = await fixture.store.append(stream, events, appendOptions('no-stream'));

    expect(again.alreadyAppended).toBe(true);
    expect(again.nextExpectedVersion).toBe(first.nextExpectedVersion);
    expect(again.events).toEqual(first.events);
    expect(await fixture.count('events')).toBe(eventsBefore);
    expect((await fixture.store.readStream(stream)).version).toBe(2);
  });

  it('still recognizes the retry after later appends, with a numeric expected version', async () => {
    const stream = streamId();
    await fixture.store.append(stream, [newEvent()], appendOptions('no-stream'));
    const retried = [newEvent(), newEvent()];
    const original = await fixture.store.append(stream, retried, appendOptions(1));
    await fixture.store.append(stream, [newEvent()], appendOptions(3));

    const again = await fixture.store.append(stream, retried, appendOptions(1));

    expect(again).toEqual({ ...original, alreadyAppended: true });
    expect((await fixture.store.readStream(stream)).version).toBe(4);
  });

  it('stores racing identical appends once and answers both with the same result', async () => {
    const deadline = Date.now() + 15_000;
    for (let round = 0; round < 15 && Date.now() < deadline; round += 1) {
      const stream = streamId();
      const events = [newEvent(), newEvent()];
      const expected = round % 3 === 0 ? 'any' : 'no-stream';
      const options = appendOptions(expected);
      const [a, b] = await Promise.all([
        fixture.store.append(stream, events, options),
        fixture.store.append(stream, events, options),
      ]);

      expect([a.alreadyAppended, b.alreadyAppended].sort()).toEqual([false, true]);
      expect(a.events).toEqual(b.events);
      const read = await fixture.store.readStream(stream);
      expect(read.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    }
  });

  it('refuses an id reused for a different event, storing nothing', async () => {
    const stream = streamId();
    const original = newEvent('CounterIncremented', { by: 1 });
    await fixture.store.append(stream, [original], appendOptions('no-stream'));
    const eventsBefore = await fixture.count('events');

    const cases = [
      { ...original, data: { by: 2 } },
      { ...original, type: 'CounterDecremented' },
    ];
    for (const reused of cases) {
      await expect(fixture.store.append(stream, [reused], appendOptions(1))).rejects.toThrow(
        DuplicateEventIdError,
      );
    }
    const elsewhere = await rejectionOf(
      fixture.store.append(streamId(), [original], appendOptions('no-stream')),
    );
    expect(elsewhere).toMatchObject({ code: 'DUPLICATE_EVENT_ID', eventId: original.id });
    expect(String(elsewhere)).toContain(`stored in stream ${stream}`);
    await expect(
      fixture.store.append(stream, [original, newEvent()], appendOptions(0)),
    ).rejects.toThrow(/stored whole or not at all/);
    await expect(fixture.store.append(stream, [original], appendOptions(5))).rejects.toThrow(
      /expected to write from version 6/,
    );
    expect(await fixture.count('events')).toBe(eventsBefore);
  });

  it('treats the same data with keys in another order as the same event', async () => {
    const stream = streamId();
    const event = newEvent('CounterOpened', { name: 'x', limit: 3 });
    await fixture.store.append(stream, [event], appendOptions('no-stream'));
    const reordered = { ...event, data: { limit: 3, name: 'x' } };
    const again = await fixture.store.append(stream, [reordered], appendOptions('no-stream'));
    expect(again.alreadyAppended).toBe(true);
  });

  it('refuses an id that another stream stores concurrently, storing nothing of the loser', async () => {
    const shared = newEvent();
    const streams = [streamId(), streamId()];
    const attempts = await Promise.allSettled(
      streams.map((stream) => fixture.store.append(stream, [shared], appendOptions('no-stream'))),
    );
    const rejected = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(DuplicateEventIdError);
    const { rows } = await fixture.pool.query(
      `SELECT stream_id FROM "${fixture.schema}".streams WHERE stream_id = ANY($1)`,
      [streams],
    );
    expect(rows).toHaveLength(1);
  });

  describe("in the caller's transaction", () => {
    it('refuses ids stored under another stream (even by this transaction) before writing anything, leaving the transaction usable', async () => {
      const owner = streamId();
      const stored = newEvent();
      await fixture.store.append(owner, [stored], appendOptions('no-stream'));
      const existing = streamId();
      await fixture.store.append(existing, [newEvent()], appendOptions('no-stream'));
      const refusedNew = streamId();
      const refusedExisting = streamId();
      const kept = streamId();
      const alsoRefused = streamId();
      const ownEvent = newEvent();

      const errors = await fixture.store.transaction(async (client) => {
        const refusals = [
          await rejectionOf(
            fixture.store.append(refusedNew, [stored], appendOptions('no-stream', { client })),
          ),
          await rejectionOf(
            fixture.store.append(
              refusedExisting,
              [newEvent(), stored],
              appendOptions(1, { client }),
            ),
          ),
        ];
        await fixture.store.append(kept, [ownEvent], appendOptions('no-stream', { client }));
        refusals.push(
          await rejectionOf(
            fixture.store.append(alsoRefused, [ownEvent], appendOptions('no-stream', { client })),
          ),
        );
        return refusals;
      });

      expect(errors.map((error) => error instanceof DuplicateEventIdError)).toEqual([
        true,
        true,
        true,
      ]);
      expect(String(errors[0])).toContain(`stored in stream ${owner}`);
      expect(String(errors[1])).toContain(`stored in stream ${owner}`);
      expect(String(errors[2])).toContain(`stored in stream ${kept}`);
      expect((await fixture.store.readStream(existing)).version).toBe(1);
      expect((await fixture.store.readStream(kept)).events.map((event) => event.id)).toEqual([
        ownEvent.id,
      ]);
      const { rows } = await fixture.pool.query(
        `SELECT stream_id FROM "${fixture.schema}".streams WHERE stream_id = ANY($1)`,
        [[refusedNew, alsoRefused]],
      );
      expect(rows).toHaveLength(0);
    });

    it('refuses stored ids at a version the stream is at, and the next append still succeeds', async () => {
      const stream = streamId();
      const stored = newEvent();
      await fixture.store.append(stream, [stored], appendOptions('no-stream'));
      const next = newEvent();

      const refused = await fixture.store.transaction(async (client) => {
        const error = await rejectionOf(
          fixture.store.append(stream, [stored], appendOptions(1, { client })),
        );
        await fixture.store.append(stream, [next], appendOptions(1, { client }));
        return error;
      });

      expect(refused).toBeInstanceOf(DuplicateEventIdError);
      expect(String(refused)).toMatch(/expected to write from version 2/);
      const read = await fixture.store.readStream(stream);
      expect(read.events.map((event) => event.id)).toEqual([stored.id, next.id]);
    });

    it('answers retries with their original results without writing, and lets the transaction go on', async () => {
      const stream = streamId();
      const opening = [newEvent(), newEvent()];
      const next = [newEvent()];
      const originals = [
        await fixture.store.append(stream, opening, appendOptions('no-stream')),
        await fixture.store.append(stream, next, appendOptions(2)),
      ];

      const { retries, transactionId } = await fixture.store.transaction(async (client) => {
        const answers = [
          await fixture.store.append(stream, opening, appendOptions('no-stream', { client })),
          await fixture.store.append(stream, next, appendOptions(2, { client })),
        ];
        // Not even a transaction id: the log's readers wait for every transaction holding one.
        const { rows } = await client.query<{ id: string | null }>(
          'SELECT pg_current_xact_id_if_assigned() AS id',
        );
        await fixture.store.append(stream, [newEvent()], appendOptions(3, { client }));
        return { retries: answers, transactionId: rows[0]?.id };
      });

      expect(retries).toEqual(
        originals.map((original) => ({ ...original, alreadyAppended: true })),
      );
      expect(transactionId).toBeNull();
      expect((await fixture.store.readStream(stream)).version).toBe(4);
    });
  });
});
