import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tessera/event-transport';
import { logStart, type LogPosition } from '@tessera/postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';
import type { AppendManyEntry } from '../types.js';
import type { Projection } from './projection.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
  for (const table of ['per_event_counters', 'batch_counters']) {
    await fixture.pool.query(`CREATE TABLE public.${table} (
      stream_id text PRIMARY KEY, events integer NOT NULL, total integer NOT NULL, last_version integer NOT NULL)`);
  }
});
afterAll(async () => {
  await fixture.close();
});

const amount = (event: EventEnvelope): number => (event.data as { by?: number }).by ?? 0;

/** Per-stream counters, one statement per event: the reference the batch projection must equal. */
const perEvent: Projection = {
  name: 'per-event-counters',
  reset: async (client) => {
    await client.query('TRUNCATE public.per_event_counters');
  },
  apply: async (event, client) => {
    await client.query(
      `INSERT INTO public.per_event_counters AS c (stream_id, events, total, last_version)
       VALUES ($1, 1, $2, $3)
       ON CONFLICT (stream_id) DO UPDATE
         SET events = c.events + 1, total = c.total + $2, last_version = $3`,
      [event.streamId, amount(event), event.streamVersion],
    );
  },
};

/** The batches the batch projection was given, as event ids. */
const batches: string[][] = [];

/** The same counters, one statement per batch (a batch may hold several events of a stream). */
const perBatch: Projection = {
  name: 'batch-counters',
  reset: async (client) => {
    await client.query('TRUNCATE public.batch_counters');
  },
  apply: () => Promise.reject(new Error('apply must not be called when applyBatch is given')),
  applyBatch: async (events: readonly EventEnvelope[], client: pg.PoolClient) => {
    batches.push(events.map((event) => event.id));
    const byStream = new Map<string, { events: number; total: number; last: number }>();
    for (const event of events) {
      const sum = byStream.get(event.streamId) ?? { events: 0, total: 0, last: 0 };
      byStream.set(event.streamId, {
        events: sum.events + 1,
        total: sum.total + amount(event),
        last: event.streamVersion,
      });
    }
    const sums = [...byStream];
    await client.query(
      `INSERT INTO public.batch_counters AS c (stream_id, events, total, last_version)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])
       ON CONFLICT (stream_id) DO UPDATE
         SET events = c.events + EXCLUDED.events, total = c.total + EXCLUDED.total,
             last_version = EXCLUDED.last_version`,
      [
        sums.map(([stream]) => stream),
        sums.map(([, sum]) => sum.events),
        sums.map(([, sum]) => sum.total),
        sums.map(([, sum]) => sum.last),
      ],
    );
  },
};

const table = async (name: string): Promise<unknown[]> =>
  (
    await fixture.pool.query<Record<string, unknown>>(
      `SELECT * FROM public.${name} ORDER BY stream_id`,
    )
  ).rows;

/** Every committed event is counted in `name` (see projection.int.spec.ts for why counting). */
async function caughtUp(name: string): Promise<boolean> {
  const { rows } = await fixture.pool.query<{ applied: string | null; stored: string }>(
    `SELECT (SELECT sum(events) FROM public.${name}) AS applied,
            (SELECT count(*) FROM "${fixture.schema}".events) AS stored`,
  );
  return rows[0]?.applied === rows[0]?.stored;
}

async function logIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: LogPosition = logStart;
  for (;;) {
    const read = await fixture.store.readAll({ after, limit: 1000 });
    if (read.events.length === 0) return ids;
    ids.push(...read.events.map((event) => event.id));
    after = read.next;
  }
}

const increments = (count: number): ReturnType<typeof newEvent>[] =>
  Array.from({ length: count }, () => newEvent('CounterIncremented', { by: 1 + (count % 7) }));

/** Streams of one to four events in bulk, then more events on some of them one append at a time. */
async function appendMixed(streams: number): Promise<void> {
  const entries: AppendManyEntry[] = Array.from({ length: streams }, (_, index) => ({
    streamId: `counter-${randomUUID()}`,
    events: increments(1 + (index % 4)),
    expectedVersion: 'no-stream',
  }));
  await fixture.store.appendMany(entries, { correlationId: randomUUID(), actor: 'user:test' });
  for (const entry of entries.slice(0, 10)) {
    const more = increments(2);
    await fixture.store.append(entry.streamId, more, appendOptions(entry.events.length));
  }
}

const flat = (): string[] => batches.flat();

describe('projections with applyBatch', () => {
  it('get every event once, in log order, in batches of at most batchSize, like a per-event projection', async () => {
    const live = await Promise.all([
      fixture.store.runProjection(perBatch, { batchSize: 7, idlePollMs: 20 }),
      fixture.store.runProjection(perEvent, { batchSize: 7, idlePollMs: 20 }),
    ]);
    await appendMixed(40);
    await appendMixed(25);
    await eventually(
      async () => (await caughtUp('batch_counters')) && caughtUp('per_event_counters'),
      'both projections to catch up',
      25_000,
    );
    await Promise.all(live.map((subscription) => subscription.stop()));

    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 7)).toBe(true);
    expect(batches.some((batch) => batch.length > 1)).toBe(true);
    expect(flat()).toEqual(await logIds());
    expect(await table('batch_counters')).toEqual(await table('per_event_counters'));
    expect(await table('batch_counters')).toHaveLength(65);
  });

  it('rebuild in batches of at most batchSize, to the table the per-event projection rebuilds', async () => {
    await appendMixed(30);
    const stored = await fixture.count('events');
    await eventually(async () => (await logIds()).length === stored, 'the commit-safe log');
    batches.length = 0;
    const rebuilt = await fixture.store.rebuildProjection(perBatch, { batchSize: 11 });
    await fixture.store.rebuildProjection(perEvent);

    const log = await logIds();
    expect(rebuilt.replayedEvents).toBe(log.length);
    expect(flat()).toEqual(log);
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 11)).toBe(true);
    expect(batches.slice(0, -1).every((batch) => batch.length === 11)).toBe(true);
    expect(await table('batch_counters')).toEqual(await table('per_event_counters'));
    expect(await table('batch_counters')).toHaveLength(95);
  });
});
