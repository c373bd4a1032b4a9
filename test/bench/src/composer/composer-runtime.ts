import { randomUUID } from 'node:crypto';
import type { scheduler } from '@tessera/composer-domain';
import {
  attachConsumerGroup,
  type CheckDeadlinesDeps,
  type ComposerPersistence,
  composerStoreSchema,
  composerTopic,
  createComposerPersistence,
  type DeadlineJob,
  fleetTopic,
  LedgerDueAttaches,
  runDeadlineJob,
  subscribeToObservations,
} from '@tessera/composer';
import { type OutboxRelay, runOutboxRelay } from '@tessera/event-store';
import {
  createPostgresLogTransport,
  type PostgresLogTransport,
  type Subscription,
} from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import type pg from 'pg';
import { now } from '../core/timing.js';

/**
 * One composer process's attach side, in this process, over a fresh database: the store and
 * ledger, the outbox relay onto the Postgres-log transport, the observation consumer, the
 * deadline job, and a simulated responder that attaches at once (its own component on the
 * transport, as the fleet will be). `readyAt` records when each composition's `Ready` event
 * reached a subscriber of the composer topic.
 */
export interface ComposerRuntime {
  readonly deps: CheckDeadlinesDeps;
  readonly persistence: ComposerPersistence;
  /** Composition id → time (core/timing `now()`) its Ready event was delivered. */
  readonly readyAt: Map<string, number>;
  close(): Promise<void>;
}

export async function startComposerRuntime(
  databaseUrl: string,
  index: scheduler.CandidateIndex,
): Promise<ComposerRuntime> {
  const pool: pg.Pool = createPool({ connectionString: databaseUrl, max: 24 });
  const persistence = createComposerPersistence({ pool });
  await persistence.migrate();
  const transport: PostgresLogTransport = createPostgresLogTransport({
    pool,
    connectionString: databaseUrl,
    pollIntervalMs: 50,
  });
  await transport.migrate();
  const deps: CheckDeadlinesDeps = {
    compositions: persistence.compositions,
    candidates: () => Promise.resolve(index),
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    owner: `bench-composer-${process.pid}`,
    attachTimeoutMs: 30_000,
    attachOnSchedule: true,
    dueAttaches: new LedgerDueAttaches(pool),
  };
  const relay: OutboxRelay = runOutboxRelay({
    connectionString: databaseUrl,
    schema: composerStoreSchema,
    transport,
    idlePollMs: 20,
  });
  const observations: Subscription = await subscribeToObservations(transport, deps);
  const deadlines: DeadlineJob = runDeadlineJob(deps, 1_000, (error) => {
    process.stderr.write(`deadline job: ${String(error)}\n`);
  });
  const responder: SimulatedResponder = await startSimulatedResponder({
    transport,
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 0, max: 0 },
    failureRate: 0,
    seed: 1,
  });
  const readyAt = new Map<string, number>();
  const watcher = await transport.subscribe({
    topic: composerTopic,
    group: `${attachConsumerGroup}.bench-ready`,
    handleBatch: (messages) => {
      const deliveredAt = now();
      for (const { envelope } of messages) {
        if (envelope.type === 'tessera.composer.v1.Ready') {
          readyAt.set(envelope.streamId.replace(/^composition-/, ''), deliveredAt);
        }
      }
      return Promise.resolve();
    },
  });
  return {
    deps,
    persistence,
    readyAt,
    close: async () => {
      await watcher.stop();
      await responder.stop();
      await deadlines.stop();
      await observations.stop();
      await relay.stop();
      await transport.close();
      await pool.end();
    },
  };
}
