import { randomUUID } from 'node:crypto';
import { listenForNotifications } from '@tessera/postgres';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEventStore } from '../event-store.js';
import { notificationChannel } from '../tables.js';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  newEvent,
  type StoreFixture,
} from '../test-support/fixtures.js';

// Each statement is a round trip to Postgres, the main cost of an append: the path commands take
// (a numeric expected version or 'no-stream') sends one statement, outbox rows included.

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture({
    outbox: {
      topicFor: (event) => (event.type === 'PrivateNote' ? null : 'tessera.test.events.v1'),
    },
  });
});
afterAll(async () => {
  await fixture.close();
});

const streamId = (): string => `counter-${randomUUID()}`;

/** The statements `append` sends on the caller's client (BEGIN and COMMIT are the caller's). */
async function statementsOf(append: (client: pg.PoolClient) => Promise<unknown>): Promise<number> {
  return fixture.store.transaction(async (client) => {
    const query = vi.spyOn(client, 'query');
    try {
      await append(client);
      return query.mock.calls.length;
    } finally {
      query.mockRestore();
    }
  });
}

/** The outbox rows of `stream`'s events, as (stream version, message key). */
async function outboxRowsOf(stream: string): Promise<{ version: number; key: string }[]> {
  const { rows } = await fixture.pool.query<{ stream_version: string; message_key: string }>(
    `SELECT e.stream_version, o.message_key
       FROM "${fixture.schema}".outbox o JOIN "${fixture.schema}".events e USING (position)
      WHERE e.stream_id = $1 ORDER BY e.stream_version`,
    [stream],
  );
  return rows.map((row) => ({ version: Number(row.stream_version), key: row.message_key }));
}

describe('round trips of one append', () => {
  it('a new stream takes one statement, outbox rows included', async () => {
    const unpublished = streamId();
    const published = streamId();

    const privately = await statementsOf((client) =>
      fixture.store.append(
        unpublished,
        [newEvent('PrivateNote'), newEvent('PrivateNote')],
        appendOptions('no-stream', { client }),
      ),
    );
    const withOutbox = await statementsOf((client) =>
      fixture.store.append(published, [newEvent()], appendOptions('no-stream', { client })),
    );

    expect(privately).toBe(1);
    expect(withOutbox).toBe(1);
    expect((await fixture.store.readStream(unpublished)).version).toBe(2);
    expect((await fixture.store.readStream(published)).version).toBe(1);
    expect(await outboxRowsOf(unpublished)).toEqual([]);
    expect(await outboxRowsOf(published)).toEqual([{ version: 1, key: published }]);
  });

  it('an existing stream at the expected version takes the same', async () => {
    const stream = streamId();
    await fixture.store.append(stream, [newEvent('PrivateNote')], appendOptions('no-stream'));

    const privately = await statementsOf((client) =>
      fixture.store.append(stream, [newEvent('PrivateNote')], appendOptions(1, { client })),
    );
    const withOutbox = await statementsOf((client) =>
      fixture.store.append(
        stream,
        [newEvent(), newEvent('PrivateNote'), newEvent()],
        appendOptions(2, { client }),
      ),
    );

    expect(privately).toBe(1);
    expect(withOutbox).toBe(1);
    expect((await fixture.store.readStream(stream)).version).toBe(5);
    expect(await outboxRowsOf(stream)).toEqual([
      { version: 3, key: stream },
      { version: 5, key: stream },
    ]);
  });

  it("wakes the log readers at the caller's commit, with the NOTIFY inside that one statement", async () => {
    // A schema of its own, so that no other append's notification can be mistaken for this one.
    const schema = 'round_trips_notify';
    const store = createEventStore({ pool: fixture.pool, schema });
    await store.migrate();
    let notifications = 0;
    const listener = await listenForNotifications({
      connectionString: fixture.database.url,
      channel: notificationChannel(schema),
      onNotify: () => {
        notifications += 1;
      },
    });
    try {
      const beforeAppend = notifications;
      const statements = await statementsOf((client) =>
        store.append(streamId(), [newEvent('PrivateNote')], appendOptions('no-stream', { client })),
      );

      expect(statements).toBe(1);
      await eventually(() => notifications > beforeAppend, 'the NOTIFY of the append');
    } finally {
      await listener.close();
      await store.close();
    }
  });
});
