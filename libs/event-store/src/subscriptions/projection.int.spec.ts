import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tessera/event-transport';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';
import type { Projection } from './projection.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
  await fixture.pool.query(`CREATE TABLE public.counters (
    stream_id text PRIMARY KEY, events integer NOT NULL, total integer NOT NULL, last_version integer NOT NULL)`);
});
afterAll(async () => {
  await fixture.close();
});

/** Per-stream counters: how many events, the sum of `by`, and the last stream version applied. */
const counters: Projection = {
  name: 'counters',
  reset: async (client) => {
    await client.query('TRUNCATE public.counters');
  },
  apply: async (event: EventEnvelope, client: pg.PoolClient) => {
    const by = (event.data as { by?: number }).by ?? 0;
    await client.query(
      `INSERT INTO public.counters AS c (stream_id, events, total, last_version) VALUES ($1, 1, $2, $3)
       ON CONFLICT (stream_id) DO UPDATE
         SET events = c.events + 1, total = c.total + $2, last_version = $3`,
      [event.streamId, by, event.streamVersion],
    );
  },
};

interface CounterRow {
  readonly stream_id: string;
  readonly events: number;
  readonly total: number;
  readonly last_version: number;
}

const table = async (): Promise<CounterRow[]> =>
  (await fixture.pool.query<CounterRow>('SELECT * FROM public.counters ORDER BY stream_id')).rows;

/** Appends `perStream` events to each of `streams` new streams, streams concurrently. */
async function appendAcross(streams: number, perStream: number): Promise<void> {
  await Promise.all(
    Array.from({ length: streams }, async () => {
      const stream = `counter-${randomUUID()}`;
      let version = 0;
      while (version < perStream) {
        const batch = Array.from({ length: 1 + (version % 3) }, () =>
          newEvent('CounterIncremented', { by: 1 + Math.floor(Math.random() * 9) }),
        ).slice(0, perStream - version);
        const result = await fixture.store.append(stream, batch, appendOptions(version));
        version = result.nextExpectedVersion;
      }
    }),
  );
}

/**
 * Every committed event is applied. (Counting rows, not reading the log: the commit-safe log
 * hides events while any transaction of the cluster that started earlier is still open.)
 */
async function caughtUp(): Promise<boolean> {
  const { rows } = await fixture.pool.query<{ applied: string | null; stored: string }>(
    `SELECT (SELECT sum(events) FROM public.counters) AS applied,
            (SELECT count(*) FROM "${fixture.schema}".events) AS stored`,
  );
  return rows[0]?.applied === rows[0]?.stored;
}

describe('projections', () => {
  it('rebuilds from the log to exactly the live table, and the live projection continues after it', async () => {
    const live = await fixture.store.runProjection(counters, { idlePollMs: 50, batchSize: 37 });
    await appendAcross(12, 25);
    await eventually(caughtUp, 'the live projection to catch up', 25_000);
    const liveTable = await table();
    expect(liveTable).toHaveLength(12);
    for (const row of liveTable) {
      expect(row).toMatchObject({ events: 25, last_version: 25 });
    }

    const rebuilt = await fixture.store.rebuildProjection(counters, { batchSize: 50 });
    expect(rebuilt.replayedEvents).toBe(300);
    expect(await table()).toEqual(liveTable);
    expect(await fixture.store.projectionPosition(counters)).toEqual(rebuilt.position);

    await appendAcross(3, 10);
    await eventually(caughtUp, 'the live projection to continue', 25_000);
    const continued = await table();
    expect(continued).toHaveLength(15);
    await fixture.store.rebuildProjection(counters);
    expect(await table()).toEqual(continued);
    expect(live.status().state).toBe('running');
    await live.stop();
  });

  it('rebuilds while appends keep coming and still matches a fresh rebuild', async () => {
    const live = await fixture.store.runProjection(counters, { idlePollMs: 20 });
    const writing = appendAcross(6, 20);
    await fixture.store.rebuildProjection(counters, { batchSize: 25 });
    await writing;
    await eventually(caughtUp, 'the live projection to catch up', 25_000);
    const liveTable = await table();
    await live.stop();
    await fixture.store.rebuildProjection(counters);
    expect(await table()).toEqual(liveTable);
  });
});
