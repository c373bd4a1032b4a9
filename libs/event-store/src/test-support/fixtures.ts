import { randomUUID } from 'node:crypto';
import type { EventTransport, OutgoingMessage } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import { createEventStore, type EventStore, type EventStoreOptions } from '../event-store.js';
import type { AppendOptions, NewEvent } from '../types.js';

export function newEvent(
  type = 'CounterIncremented',
  data: Record<string, unknown> = { by: 1 },
): NewEvent {
  return { id: randomUUID(), type, schemaVersion: 1, data };
}

export function appendOptions(
  expectedVersion: AppendOptions['expectedVersion'],
  extra: Partial<AppendOptions> = {},
): AppendOptions {
  return { expectedVersion, correlationId: randomUUID(), actor: 'user:test', ...extra };
}

export interface StoreFixture {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly schema: string;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** A database of its own with a migrated store in `schema`. */
export async function createStoreFixture(
  options: Partial<Omit<EventStoreOptions, 'pool'>> = {},
): Promise<StoreFixture> {
  const database = await createTestDatabase({ prefix: 'event_store' });
  const pool = createPool({ connectionString: database.url, max: 8 });
  const schema = options.schema ?? 'store_test';
  const store = createEventStore({ ...options, pool, schema });
  await store.migrate();
  return {
    database,
    pool,
    store,
    schema,
    count: async (table) => {
      const { rows } = await pool.query<{ count: string }>(
        `SELECT count(*) AS count FROM "${schema}".${table}`,
      );
      return Number(rows[0]?.count);
    },
    close: async () => {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}

/** An in-memory transport that records what it is asked to publish (relay unit tests only). */
export class RecordingTransport implements EventTransport {
  readonly name = 'postgres' as const;
  readonly published: { topic: string; message: OutgoingMessage }[] = [];
  failNextPublish: Error | undefined;

  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const failure = this.failNextPublish;
    if (failure) {
      this.failNextPublish = undefined;
      return Promise.reject(failure);
    }
    this.published.push(...messages.map((message) => ({ topic, message })));
    return Promise.resolve();
  }

  subscribe(): never {
    throw new Error('RecordingTransport only records publishes');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The error `promise` rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Polls `condition` until it holds or `timeoutMs` passes (then throws with `what`). */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
