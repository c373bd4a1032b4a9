import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tessera/event-transport';
import { migrate, quoteIdentifier } from '@tessera/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore, type EventStore } from '../event-store.js';
import { runOutboxRelay } from '../outbox/outbox-relay.js';
import {
  appendOptions,
  createStoreFixture,
  eventually,
  RecordingTransport,
  type StoreFixture,
} from '../test-support/fixtures.js';
import { eventStoreMigrations } from './index.js';

// Version 5 drops the outbox's copy of the envelope. Rows written before it must still be
// published, with the envelope they copied.

const topic = 'tessera.test.events.v1';
let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
});
afterAll(async () => {
  await fixture.close();
});

/** A store in `schema` at version 4, the last one whose outbox rows carried the envelope. */
async function storeBeforeV5(schema: string): Promise<EventStore> {
  await migrate(fixture.pool, schema, eventStoreMigrations.slice(0, 4));
  return createEventStore({ pool: fixture.pool, schema });
}

/** The outbox row the code before version 5 wrote for `event`: a copy of its envelope. */
async function writeOldOutboxRow(schema: string, event: EventEnvelope, key: string) {
  await fixture.pool.query(
    `INSERT INTO ${quoteIdentifier(schema)}.outbox (position, event_id, topic, message_key, envelope)
     VALUES ($1, $2, $3, $4, $5)`,
    [event.position, event.id, topic, key, JSON.stringify(event)],
  );
}

const envelopeColumnsOf = async (schema: string): Promise<number> => {
  const { rows } = await fixture.pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = 'outbox' AND column_name = 'envelope'`,
    [schema],
  );
  return Number(rows[0]?.count);
};

describe('migration 5: outbox rows reference their event', () => {
  it('publishes a row written before it with the envelope that row carried', async () => {
    const schema = 'before_v5';
    const store = await storeBeforeV5(schema);
    const data = { model: 'H100', slots: [1, 2.5], nested: { z: true, a: null } };
    const { events } = await store.append(
      `device-${randomUUID()}`,
      [{ id: randomUUID(), type: 'DeviceRegistered', schemaVersion: 1, data }],
      appendOptions('no-stream', { causationId: randomUUID(), tenant: 'finance' }),
    );
    const old = events[0]!;
    await writeOldOutboxRow(schema, old, 'host-7');

    expect(await store.migrate()).toEqual({ schema, applied: [5], current: 5 });
    expect(await envelopeColumnsOf(schema)).toBe(0);
    const transport = new RecordingTransport();
    const relay = runOutboxRelay({
      connectionString: fixture.database.url,
      schema,
      transport,
      idlePollMs: 50,
    });
    try {
      await eventually(() => transport.published.length === 1, 'the old row to be published');
    } finally {
      await relay.stop();
      await store.close();
    }

    const copied = JSON.parse(JSON.stringify(old)) as EventEnvelope;
    expect(transport.published).toEqual([{ topic, message: { key: 'host-7', envelope: copied } }]);
    expect(transport.published[0]!.message.envelope.recordedAt).toBe(old.recordedAt);
  });

  it('refuses, and keeps the envelopes, when an outbox row references no stored event', async () => {
    const schema = 'orphan_v5';
    const store = await storeBeforeV5(schema);
    const { events } = await store.append(
      `device-${randomUUID()}`,
      [{ id: randomUUID(), type: 'DeviceRegistered', schemaVersion: 1, data: {} }],
      appendOptions('no-stream'),
    );
    await writeOldOutboxRow(schema, { ...events[0]!, id: randomUUID() }, 'device');

    try {
      await expect(store.migrate()).rejects.toThrow(/references no stored event/);
      expect(await envelopeColumnsOf(schema)).toBe(1);
    } finally {
      await store.close();
    }
  });
});
