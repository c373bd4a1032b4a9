import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  newEvent,
  RecordingTransport,
  type StoreFixture,
} from '../test-support/fixtures.js';
import { runOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';

const topic = 'tessera.test.events.v1';
let fixture: StoreFixture;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  fixture = await createStoreFixture({
    outbox: { topicFor: (event) => (event.type === 'PrivateNote' ? null : topic) },
  });
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await fixture.pool.query(`DELETE FROM "${fixture.schema}".outbox`);
});
afterAll(async () => {
  await fixture.close();
});

function startRelay(
  transport: RecordingTransport,
  options: Partial<OutboxRelayOptions> = {},
): OutboxRelay {
  const relay = runOutboxRelay({
    connectionString: fixture.database.url,
    schema: fixture.schema,
    transport,
    idlePollMs: 50,
    retryMs: 100,
    ...options,
  });
  relays.push(relay);
  return relay;
}

const publishedIds = (transport: RecordingTransport): string[] =>
  transport.published.map((entry) => entry.message.envelope.id);

describe('transactional outbox and relay', () => {
  it('publishes every appended event with a topic once, keyed by stream, in stream order', async () => {
    const transport = new RecordingTransport();
    const relay = startRelay(transport);
    const streams = [`device-${randomUUID()}`, `device-${randomUUID()}`];
    const expected: string[] = [];
    for (let version = 0; version < 10; version += 1) {
      for (const stream of streams) {
        const result = await fixture.store.append(stream, [newEvent()], appendOptions(version));
        expected.push(result.events[0]!.id);
      }
    }
    const privateNote = await fixture.store.append(
      `note-${randomUUID()}`,
      [newEvent('PrivateNote')],
      appendOptions('no-stream'),
    );

    await eventually(() => transport.published.length >= expected.length, 'every event published');
    await eventually(async () => (await fixture.count('outbox')) === 0, 'the outbox to drain');
    expect([...publishedIds(transport)].sort()).toEqual([...expected].sort());
    expect(publishedIds(transport)).not.toContain(privateNote.events[0]!.id);
    for (const stream of streams) {
      const forStream = transport.published.filter((entry) => entry.message.key === stream);
      expect(forStream.map((entry) => entry.message.envelope.streamVersion)).toEqual(
        Array.from({ length: 10 }, (_, index) => index + 1),
      );
      expect(forStream.every((entry) => entry.topic === topic)).toBe(true);
    }
    expect(relay.status()).toMatchObject({ role: 'active', publishedMessages: expected.length });
  });

  it('publishes each envelope with the fields and values the append returned', async () => {
    const transport = new RecordingTransport();
    startRelay(transport);
    const data = { model: 'H100', slots: [1, 2.5, 1e21], nested: { z: true, a: null } };
    const { events } = await fixture.store.append(
      `device-${randomUUID()}`,
      [{ id: randomUUID(), type: 'DeviceRegistered', schemaVersion: 3, data }],
      appendOptions('no-stream', { causationId: randomUUID(), tenant: 'finance' }),
    );

    await eventually(() => transport.published.length === 1, 'the event published');
    expect(transport.published[0]!.message.envelope).toStrictEqual(events[0]);
  });

  it('writes no outbox row when the append transaction rolls back', async () => {
    await expect(
      fixture.store.transaction(async (client) => {
        await fixture.store.append(
          `device-${randomUUID()}`,
          [newEvent()],
          appendOptions('no-stream', { client }),
        );
        expect(await fixture.count('outbox')).toBe(0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await fixture.count('outbox')).toBe(0);
  });

  it('keeps rows through a failed publish and publishes them on the next attempt', async () => {
    const transport = new RecordingTransport();
    transport.failNextPublish = new Error('broker unavailable');
    const result = await fixture.store.append(
      `device-${randomUUID()}`,
      [newEvent()],
      appendOptions('no-stream'),
    );
    const relay = startRelay(transport);

    await eventually(() => publishedIds(transport).includes(result.events[0]!.id), 'the retry');
    expect(relay.status().failures).toBeGreaterThanOrEqual(1);
    expect(relay.status().lastError).toContain('broker unavailable');
    await eventually(async () => (await fixture.count('outbox')) === 0, 'the outbox to drain');
  });

  it('runs the onPublished hook after publish and before the mark: dying there republishes', async () => {
    const transport = new RecordingTransport();
    const result = await fixture.store.append(
      `device-${randomUUID()}`,
      [newEvent()],
      appendOptions('no-stream'),
    );
    const id = result.events[0]!.id;
    const rowsSeenByHook: number[] = [];
    let crashes = 1;
    startRelay(transport, {
      onPublished: async (batch) => {
        expect(batch.topic).toBe(topic);
        rowsSeenByHook.push(await fixture.count('outbox'));
        if (crashes > 0) {
          crashes -= 1;
          throw new Error('simulated crash between publish and mark');
        }
      },
    });

    await eventually(
      () => publishedIds(transport).filter((seen) => seen === id).length === 2,
      'the republish',
    );
    await eventually(async () => (await fixture.count('outbox')) === 0, 'the outbox to drain');
    expect(rowsSeenByHook).toEqual([1, 1]);
  });

  it('keeps one active relay per schema; a standby takes over when the leader dies', async () => {
    const first = new RecordingTransport();
    const second = new RecordingTransport();
    const leader = startRelay(first);
    await eventually(() => leader.status().role === 'active', 'a leader');
    const standby = startRelay(second);
    await eventually(() => standby.status().role === 'standby', 'a standby');

    const before = await fixture.store.append(
      `device-${randomUUID()}`,
      [newEvent()],
      appendOptions('no-stream'),
    );
    await eventually(
      () => publishedIds(first).includes(before.events[0]!.id),
      'the leader to publish',
    );
    expect(second.published).toHaveLength(0);

    // Kill the lock holder's connection from the server side, as a crashed process would lose it.
    const { rows } = await fixture.pool.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(l.pid) AS terminated FROM pg_locks l
         JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`,
    );
    expect(rows).toEqual([{ terminated: true }]);
    await leader.stop();
    await eventually(() => standby.status().role === 'active', 'the standby to take over');
    const after = await fixture.store.append(
      `device-${randomUUID()}`,
      [newEvent()],
      appendOptions('no-stream'),
    );
    await eventually(
      () => publishedIds(second).includes(after.events[0]!.id),
      'the new leader to publish',
    );
    expect(publishedIds(first)).not.toContain(after.events[0]!.id);
  });
});
