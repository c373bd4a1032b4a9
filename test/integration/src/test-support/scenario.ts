import { createEventStore, migrateEventStore, type EventStore } from '@tessera/event-store';
import { silentLogger, type EventTransport, type Subscription } from '@tessera/event-transport';
import { createPool, quoteIdentifier } from '@tessera/postgres';
import { createTestDatabase, kafkaBrokers, uniqueTopic } from '@tessera/testing';
import type pg from 'pg';
import { afterEach } from 'vitest';
import { type ChildSettings, type RelayHold } from '../shared/child-env.js';
import { createEffectHandler, createEffectTables } from '../shared/effect-handler.js';
import { connectTransport, type TransportKind } from '../shared/transport-kind.js';
import { type ChildHandle, killRunningChildren, startChild } from './child-process.js';
import { EffectLedger } from './effect-ledger.js';
import { createTransportProbe } from './transport-probe.js';

/**
 * One scenario's world, on a database of its own: the publishing service's event store
 * (`orders`, with an outbox routing every event to `topic`), the consuming service's schema
 * (`billing`: processed messages and the effect tables), the transport, and its child processes.
 */
export interface Scenario {
  readonly kind: TransportKind;
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly topic: string;
  /** This (the test) process's transport. */
  readonly transport: EventTransport;
  readonly ledger: EffectLedger;
  outboxRows(): Promise<number>;
  /** Messages on the scenario's topic, counting every copy. */
  publishedCount(): Promise<number>;
  /** Subscribes the idempotent effect handler in this process, as process `subscriber`. */
  subscribeHere(): Promise<Subscription>;
  startRelay(label: string, hold: RelayHold): ChildHandle;
  startConsumer(label: string, holdAfterEffects: number | null): ChildHandle;
  /** Kills the children, closes everything and drops the database. */
  close(): Promise<void>;
}

const storeSchema = 'orders';
const consumerSchema = 'billing';

export async function openScenario(kind: TransportKind): Promise<Scenario> {
  /** Undone in reverse order, after the children are killed; every step runs even if one fails. */
  const cleanup: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const step of [killRunningChildren, ...[...cleanup].reverse()]) {
      await step().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw new AggregateError(failures, 'scenario cleanup failed');
  };
  try {
    const database = await createTestDatabase({ prefix: 'integration' });
    cleanup.push(() => database.drop());
    const pool = createPool({ connectionString: database.url, max: 6 });
    cleanup.push(() => pool.end());
    const topic = uniqueTopic('tessera.orders.events.v1');
    const settings: Omit<ChildSettings, 'label' | 'relayHold' | 'holdAfterEffects'> = {
      transport: kind,
      databaseUrl: database.url,
      kafkaBrokers: kind === 'kafka' ? kafkaBrokers() : [],
      logSchema: 'tessera_log',
      storeSchema,
      consumerSchema,
      consumer: 'billing.order-effects',
      topic,
      group: uniqueTopic('billing'),
    };
    const store = createEventStore({
      pool,
      schema: storeSchema,
      outbox: { topicFor: () => topic },
    });
    cleanup.push(() => store.close());
    await store.migrate();
    await migrateEventStore(pool, consumerSchema);
    await createEffectTables(pool, consumerSchema);
    const connected = await connectTransport(settings, 'tessera-it-test', silentLogger);
    cleanup.push(() => connected.close());
    const { transport } = connected;
    const probe = createTransportProbe(settings, pool);
    cleanup.push(() => probe.close());
    return {
      kind,
      pool,
      store,
      topic,
      transport,
      ledger: new EffectLedger(pool, consumerSchema),
      outboxRows: async () => {
        const { rows } = await pool.query<{ count: string }>(
          `SELECT count(*) AS count FROM ${quoteIdentifier(storeSchema)}.outbox`,
        );
        return Number(rows[0]?.count ?? 0);
      },
      publishedCount: () => probe.publishedCount(topic),
      subscribeHere: () =>
        transport.subscribe({
          topic,
          group: settings.group,
          handler: createEffectHandler({
            pool,
            schema: consumerSchema,
            consumer: settings.consumer,
            processLabel: 'subscriber',
          }),
        }),
      startRelay: (label, relayHold) =>
        startChild('relay', { ...settings, label, relayHold, holdAfterEffects: null }),
      startConsumer: (label, holdAfterEffects) =>
        startChild('consumer', { ...settings, label, relayHold: 'none', holdAfterEffects }),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * Registers the cleanup of one scenario per test (children killed, database dropped, also when
 * the test fails) and returns the function that opens it.
 */
export function scenarioPerTest(): (kind: TransportKind) => Promise<Scenario> {
  let current: Scenario | undefined;
  afterEach(async () => {
    const scenario = current;
    current = undefined;
    await scenario?.close();
  });
  return async (kind) => (current = await openScenario(kind));
}
