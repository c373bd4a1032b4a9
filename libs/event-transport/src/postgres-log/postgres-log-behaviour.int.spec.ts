import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DeliveryRecorder,
  eventually,
  interleavedEvents,
  itemAt,
  sleep,
} from '../contract/contract-helpers.js';
import type { EventTransport } from '../port.js';
import {
  createPostgresLogFixture,
  type PostgresLogFixture,
} from '../test-support/postgres-log-fixture.js';
import { logConsumerApplicationName } from './log-consumer.js';

/** What only the Postgres log promises beyond the shared contract. */
describe('postgres log transport', () => {
  let fixture: PostgresLogFixture;
  let admin: pg.Client;
  const open: EventTransport[] = [];

  beforeAll(async () => {
    fixture = await createPostgresLogFixture();
    admin = new pg.Client({ connectionString: fixture.database.url });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((transport) => transport.close()));
  });
  afterAll(async () => {
    await admin.end();
    await fixture.dispose();
  });

  async function transport(): Promise<EventTransport> {
    const created = await fixture.createTransport();
    open.push(created);
    return created;
  }

  it('migrates idempotently', async () => {
    const created = await fixture.createTransport();
    open.push(created);
    expect((await created.migrate()).applied).toEqual([]);
  });

  it('lets one member of a group consume while the others stand by, then hands over', async () => {
    const [first, second] = [await transport(), await transport()];
    const topic = fixture.uniqueName('exclusive');
    const group = fixture.uniqueName('g');
    const firstSeen = new DeliveryRecorder();
    const secondSeen = new DeliveryRecorder();
    const firstSubscription = await first.subscribe({ topic, group, handler: firstSeen.handler() });
    await second.subscribe({ topic, group, handler: secondSeen.handler() });

    const before = interleavedEvents(['a', 'b'], 10);
    await first.publish(topic, before);
    await eventually('the group handled everything', () =>
      [firstSeen, secondSeen].some((recorder) => recorder.hasAll(before)),
    );
    const [active, standby] =
      firstSeen.deliveries.length > 0 ? [firstSeen, secondSeen] : [secondSeen, firstSeen];
    expect(standby.deliveries).toEqual([]);
    expect(active.deliveries).toHaveLength(before.length);

    if (active === firstSeen) {
      await firstSubscription.stop();
    } else {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1
            AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
        [logConsumerApplicationName],
      );
    }
    const after = interleavedEvents(['c'], 5);
    await first.publish(topic, after);
    await eventually('a member handled the later messages', () =>
      [firstSeen, secondSeen].some((recorder) => recorder.hasAll(after)),
    );
  });

  it('never skips a message whose transaction commits after a later one', async () => {
    const created = await transport();
    const topic = fixture.uniqueName('commit-order');
    const recorder = new DeliveryRecorder();
    await created.subscribe({ topic, group: fixture.uniqueName('g'), handler: recorder.handler() });
    const [early, late] = [
      itemAt(interleavedEvents(['k'], 1), 0),
      itemAt(interleavedEvents(['k2'], 1), 0),
    ];

    const slow = new pg.Client({ connectionString: fixture.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO tessera_log.messages (topic, key, envelope) VALUES ($1, $2, $3::jsonb)`,
        [topic, early.key, JSON.stringify(early.envelope)],
      );
      await created.publish(topic, [late]);
      await sleep(600);
      expect(recorder.deliveries).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    await eventually('both messages arrive', () => recorder.hasAll([early, late]));
    expect(recorder.deliveries.map((delivery) => delivery.envelope.id)).toEqual([
      early.envelope.id,
      late.envelope.id,
    ]);
  });

  it('stores each group offset in the database', async () => {
    const created = await transport();
    const topic = fixture.uniqueName('offsets');
    const group = fixture.uniqueName('g');
    const recorder = new DeliveryRecorder();
    await created.subscribe({ topic, group, handler: recorder.handler() });
    const messages = interleavedEvents(['x'], 4);
    await created.publish(topic, messages);
    await eventually('every message is handled', () => recorder.hasAll(messages));

    const last = await admin.query<{ position: string }>(
      'SELECT max(position)::text AS position FROM tessera_log.messages WHERE topic = $1',
      [topic],
    );
    await eventually('the group offset reached the last message', async () => {
      const { rows } = await admin.query<{ position: string }>(
        `SELECT position::text AS position FROM tessera_log.consumer_offsets
          WHERE consumer_group = $1 AND topic = $2`,
        [group, topic],
      );
      return rows.length === 1 && rows[0]?.position === last.rows[0]?.position;
    });
  });
});
