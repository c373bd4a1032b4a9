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
// (a numeric expected version or 'no-stream') sends one statement, plus one for the outbox rows.

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

describe('round trips of one append', () => {
  it('a new stream takes one statement, and one more when the outbox publishes an event', async () => {
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
    expect(withOutbox).toBe(2);
    expect((await fixture.store.readStream(unpublished)).version).toBe(2);
    expect((await fixture.store.readStream(published)).version).toBe(1);
  });

  it('an existing stream at the expected version takes the same', async () => {
    const stream = streamId();
    await fixture.store.append(stream, [newEvent('PrivateNote')], appendOptions('no-stream'));

    const privately = await statementsOf((client) =>
      fixture.store.append(stream, [newEvent('PrivateNote')], appendOptions(1, { client })),
    );
    const withOutbox = await statementsOf((client) =>
      fixture.store.append(stream, [newEvent(), newEvent()], appendOptions(2, { client })),
    );

    expect(privately).toBe(1);
    expect(withOutbox).toBe(2);
    expect((await fixture.store.readStream(stream)).version).toBe(4);
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
