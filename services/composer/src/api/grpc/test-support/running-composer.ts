import 'reflect-metadata';
import { createPostgresLogTransport, type PostgresLogTransport } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { createTestDatabase } from '@tessera/testing';
import type pg from 'pg';
import { fixedCandidateSourceProvider } from '../../../app/candidate-source.js';
import { type ComposerServiceOptions, startComposerService } from '../../../app/composer-app.js';
import { fleetTopic } from '../../../infrastructure/attach/index.js';
import { composerTopic } from '../../../infrastructure/persistence/index.js';
import { smallLab } from '../../../test-support/composer-fixture.js';
import { type ComposerCalls, composerCalls } from './composer-calls.js';

export interface RunningComposer {
  /** `host:port` of the composer's gRPC server. */
  readonly grpcUrl: string;
  readonly calls: ComposerCalls;
  /** The test database, for counting what is stored. */
  readonly pool: pg.Pool;
  /** How many events the composer's store holds: a refused request adds none. */
  storedEvents(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A composer process on a fresh database over `smallLab()` (3 GPUs and 3 NVMe drives behind
 * host h1), with a simulated agent answering every intent.
 */
export async function startRunningComposer(
  prefix: string,
  options: Pick<ComposerServiceOptions, 'leaseCheckMs'> = {},
): Promise<RunningComposer> {
  const database = await createTestDatabase({ prefix });
  const service = await startComposerService(
    {
      databaseUrl: database.url,
      grpcHost: '127.0.0.1',
      grpcPort: 0,
      kafkaBrokers: undefined,
      ownerId: `${prefix}-test`,
    },
    { logLevels: ['error'], candidates: fixedCandidateSourceProvider(smallLab()), ...options },
  );
  const calls = composerCalls(service.grpcUrl);
  const pool = createPool({ connectionString: database.url, max: 4 });
  const fleet: PostgresLogTransport = createPostgresLogTransport({
    pool,
    connectionString: database.url,
    pollIntervalMs: 50,
  });
  const responder: SimulatedResponder = await startSimulatedResponder({
    transport: fleet,
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 5, max: 20 },
    failureRate: 0,
    seed: 1,
  });
  return {
    grpcUrl: service.grpcUrl,
    calls,
    pool,
    storedEvents: async () =>
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM composer.events')).rows[0]
        ?.n ?? 0,
    close: async () => {
      await responder.stop();
      await fleet.close();
      calls.close();
      await service.close();
      await pool.end();
      await database.drop();
    },
  };
}
