import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventEnvelope, Logger } from '@tessera/event-transport';
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
import { superviseProjection } from './projection-supervisor.js';

let fixture: StoreFixture;
beforeAll(async () => {
  fixture = await createStoreFixture();
  await fixture.pool.query(
    `CREATE TABLE public.seen (event_id uuid PRIMARY KEY, name text NOT NULL)`,
  );
});
afterAll(async () => {
  await fixture.close();
});

/** Records each event it sees under its own name; the first `failures` batches throw. */
function flakyProjection(name: string, failures: number): Projection & { failuresLeft(): number } {
  let failuresLeft = failures;
  const record = async (event: EventEnvelope, client: pg.PoolClient): Promise<void> => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('the database refused the write');
    }
    await client.query('INSERT INTO public.seen (event_id, name) VALUES ($1, $2)', [
      event.id,
      name,
    ]);
  };
  return {
    name,
    reset: async (client) => {
      await client.query('DELETE FROM public.seen WHERE name = $1', [name]);
    },
    apply: record,
    failuresLeft: () => failuresLeft,
  };
}

/** A logger that keeps the messages of its errors. */
function recordingLogger(): Logger & { readonly errors: string[] } {
  const errors: string[] = [];
  const ignore = (): void => undefined;
  return {
    errors,
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: (message) => {
      errors.push(message);
    },
  };
}

async function seenBy(name: string): Promise<number> {
  const { rows } = await fixture.pool.query<{ count: string }>(
    'SELECT count(*) AS count FROM public.seen WHERE name = $1',
    [name],
  );
  return Number(rows[0]?.count);
}

async function appendEvents(count: number): Promise<void> {
  const events = Array.from({ length: count }, () => newEvent());
  await fixture.store.append(`counter-${randomUUID()}`, events, appendOptions('no-stream'));
}

describe('a supervised projection', () => {
  it('is restarted after it fails, logs each failure, and catches up once the cause is gone', async () => {
    const projection = flakyProjection('flaky', 2);
    const logger = recordingLogger();
    const supervision = await superviseProjection(fixture.store, projection, logger);
    try {
      await appendEvents(3);
      await eventually(async () => (await seenBy('flaky')) === 3, 'the projection to catch up');
      expect(projection.failuresLeft()).toBe(0);
      expect(logger.errors).toEqual([
        'a projection failed; restarting it after a backoff',
        'a projection failed; restarting it after a backoff',
      ]);
    } finally {
      await supervision.stop();
    }
  });

  it('stops with a restart pending, which then never happens', async () => {
    const projection = flakyProjection('broken', Number.MAX_SAFE_INTEGER);
    const logger = recordingLogger();
    const supervision = await superviseProjection(fixture.store, projection, logger);
    await appendEvents(1);
    await eventually(() => logger.errors.length > 0, 'the first failure');
    await supervision.stop();
    const failuresAtStop = projection.failuresLeft();
    const errorsAtStop = logger.errors.length;
    // Longer than the first restart's backoff (1 s): a restart left pending would run by then.
    await sleep(1_500);
    expect(projection.failuresLeft()).toBe(failuresAtStop);
    expect(logger.errors).toHaveLength(errorsAtStop);
    expect(await seenBy('broken')).toBe(0);
  });
});
