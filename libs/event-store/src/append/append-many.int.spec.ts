import { randomUUID } from 'node:crypto';
import { logStart, type LogPosition } from '@tessera/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore } from '../event-store.js';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  InvalidArgumentError,
  InvalidEventError,
  NotInTransactionError,
  StreamNotFoundError,
} from '../errors.js';
import type { AppendManyEntry, AppendResult, NewEvent } from '../types.js';
import {
  appendOptions,
  createStoreFixture,
  eventually,
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

const streamId = (): string => `device-${randomUUID()}`;
const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent('DeviceDiscovered', { slot: index }));
const entry = (
  stream: string,
  expectedVersion: AppendManyEntry['expectedVersion'],
  count = 1,
): AppendManyEntry => ({ streamId: stream, events: events(count), expectedVersion });
const metadata = { correlationId: 'import-1', actor: 'service:inventory', tenant: 'lab' };

/** Row counts of every table an append writes. */
const snapshot = async (): Promise<number[]> =>
  Promise.all(['streams', 'events', 'outbox'].map((table) => fixture.count(table)));

/** A stream with `count` events, appended one by one. */
async function existingStream(count: number): Promise<string> {
  const stream = streamId();
  await fixture.store.append(stream, events(count), appendOptions('no-stream'));
  return stream;
}

/** Every event id of the log in commit-safe order. */
async function logIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: LogPosition = logStart;
  for (;;) {
    const read = await fixture.store.readAll({ after, limit: 10_000 });
    if (read.events.length === 0) return ids;
    ids.push(...read.events.map((event) => event.id));
    after = read.next;
  }
}

const idsOf = (results: readonly AppendResult[]): string[] =>
  results.flatMap((result) => result.events.map((event) => event.id));

describe('appendMany', () => {
  it('appends new and existing streams in one call, as single appends would', async () => {
    const existing = await existingStream(2);
    const batch = [entry(streamId(), 'no-stream'), entry(existing, 2, 2), entry(streamId(), 0, 3)];
    const results = await fixture.store.appendMany(batch, metadata);

    expect(results.map((result) => result.nextExpectedVersion)).toEqual([1, 4, 3]);
    results.forEach((result, index) => {
      expect(result.streamId).toBe(batch[index]!.streamId);
      expect(result.alreadyAppended).toBe(false);
      expect(result.events.map((event) => event.id)).toEqual(
        batch[index]!.events.map((event) => event.id),
      );
    });
    expect(results[1]!.events[0]).toMatchObject({
      type: 'DeviceDiscovered',
      schemaVersion: 1,
      streamId: existing,
      streamVersion: 3,
      correlationId: 'import-1',
      causationId: null,
      actor: 'service:inventory',
      tenant: 'lab',
      data: { slot: 0 },
    });
    for (const result of results) {
      const fromVersion = result.events[0]!.streamVersion;
      const read = await fixture.store.readStream(result.streamId, { fromVersion });
      expect(read.events).toEqual(result.events);
    }
    const positions = results.flatMap((result) => result.events.map((event) => event.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const appended = idsOf(results);
    // The commit-safe log waits for every older transaction of the cluster (other spec files').
    await eventually(async () => {
      const log = await logIds();
      return appended.every((id) => log.includes(id));
    }, 'the batch in the log');
    expect((await logIds()).filter((id) => appended.includes(id))).toEqual(appended);
  });

  it('writes nothing of the batch when one entry conflicts, and names the first such stream', async () => {
    const existing = await existingStream(1);
    const alsoExisting = await existingStream(1);
    const fresh = streamId();
    const before = await snapshot();
    const batch = [entry(fresh, 'no-stream'), entry(existing, 5), entry(alsoExisting, 'no-stream')];

    const error = await rejectionOf(fixture.store.appendMany(batch, metadata));

    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: existing, expected: 5, actual: 1 });
    expect(await snapshot()).toEqual(before);
    await expect(fixture.store.readStream(fresh)).rejects.toThrow(StreamNotFoundError);
  });

  it('returns the original results for a retried batch and writes nothing', async () => {
    const batch = [entry(streamId(), 'no-stream', 2), entry(await existingStream(1), 1)];
    const first = await fixture.store.appendMany(batch, metadata);
    const before = await snapshot();

    const again = await fixture.store.appendMany(batch, metadata);

    expect(again).toEqual(first.map((result) => ({ ...result, alreadyAppended: true })));
    expect(await snapshot()).toEqual(before);
    const reused = { ...batch[0]!, events: [batch[0]!.events[0]!, newEvent()] };
    await expect(
      fixture.store.appendMany([entry(streamId(), 'no-stream'), reused], metadata),
    ).rejects.toThrow(DuplicateEventIdError);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bad entry before writing anything, naming its index', async () => {
    const before = await snapshot();
    const bad = { ...entry(streamId(), 'no-stream'), events: [{ ...newEvent(), data: [] }] };
    const invalid = await rejectionOf(
      fixture.store.appendMany([entry(streamId(), 'no-stream'), bad], metadata),
    );
    expect(invalid).toBeInstanceOf(InvalidEventError);
    expect(invalid).toMatchObject({ entryIndex: 1, field: 'data', index: 0 });
    expect(String(invalid)).toContain('entries[1]: event #0: data must be a JSON object');

    const stream = streamId();
    const repeated = await rejectionOf(
      fixture.store.appendMany([entry(stream, 'no-stream'), entry(stream, 1)], metadata),
    );
    expect(repeated).toBeInstanceOf(InvalidArgumentError);
    expect(repeated).toMatchObject({ entryIndex: 1 });
    expect(String(repeated)).toContain(
      `entries[1]: streamId ${stream} is also the stream of entries[0]`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('writes an outbox row with every published event', async () => {
    const store = createEventStore({
      pool: fixture.pool,
      schema: 'bulk_outbox',
      outbox: { topicFor: (event) => (event.type === 'PrivateNote' ? null : 'tessera.lab.v1') },
    });
    await store.migrate();
    const stream = streamId();
    await store.append(stream, events(1), appendOptions('no-stream'));
    const batch = [
      entry(streamId(), 'no-stream', 3),
      { streamId: stream, events: [newEvent(), newEvent('PrivateNote')], expectedVersion: 1 },
    ];
    const results = await store.appendMany(batch, metadata);

    const { rows } = await fixture.pool.query<{
      event_id: string;
      topic: string;
      message_key: string;
      position: string;
    }>(
      `SELECT event_id, topic, message_key, position FROM bulk_outbox.outbox
        WHERE event_id = ANY($1) ORDER BY position`,
      [idsOf(results)],
    );
    const published = results
      .flatMap((result) => result.events)
      .filter((event) => event.type !== 'PrivateNote');
    expect(rows).toEqual(
      published.map((event) => ({
        event_id: event.id,
        topic: 'tessera.lab.v1',
        message_key: event.streamId,
        position: String(event.position),
      })),
    );
  });

  it("joins the caller's transaction: rolled back with it, committed with it", async () => {
    const before = await snapshot();
    const rolledBack = [entry(streamId(), 'no-stream')];
    await expect(
      fixture.store.transaction(async (client) => {
        await fixture.store.appendMany(rolledBack, { ...metadata, client });
        throw new Error('the command failed after appending');
      }),
    ).rejects.toThrow('the command failed');
    expect(await snapshot()).toEqual(before);

    const committed = [entry(streamId(), 'no-stream'), entry(streamId(), 'no-stream')];
    await fixture.store.transaction((client) =>
      fixture.store.appendMany(committed, { ...metadata, client }),
    );
    for (const { streamId: stream } of committed) {
      expect((await fixture.store.readStream(stream)).version).toBe(1);
    }
    const existing = await existingStream(1);
    const retried = entry(streamId(), 'no-stream');
    const kept = streamId();
    await fixture.store.transaction(async (client) => {
      await fixture.store.append(kept, events(1), appendOptions('no-stream', { client }));
      await expect(
        fixture.store.appendMany([retried, entry(existing, 7)], { ...metadata, client }),
      ).rejects.toThrow(ConcurrencyError);
      // The refused call left the transaction as it was: its entries can be appended one by one.
      await fixture.store.append(retried.streamId, retried.events, appendOptions(0, { client }));
    });
    expect((await fixture.store.readStream(kept)).version).toBe(1);
    expect((await fixture.store.readStream(retried.streamId)).events).toHaveLength(1);

    const outside = await fixture.pool.connect();
    try {
      await expect(
        fixture.store.appendMany([entry(streamId(), 'no-stream')], {
          ...metadata,
          client: outside,
        }),
      ).rejects.toThrow(NotInTransactionError);
    } finally {
      outside.release();
    }
  });
});
