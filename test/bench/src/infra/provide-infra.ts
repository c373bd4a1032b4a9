import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startKafka, startPostgres } from '@tessera/local-infra';
import type { BenchConfig } from '../bench-config.js';
import { BenchInfraError } from '../core/errors.js';
import type { Progress } from '../core/progress.js';

export interface ProvidedPostgres {
  /** How the server came to be, for the report. */
  readonly source: 'DATABASE_URL' | 'started: durable local cluster in a temporary folder';
  /** A URL of the server (any database); the benchmark creates its own database there. */
  readonly serverUrl: string;
  /** The cluster's data folder when this run started it. */
  readonly dataDir: string | undefined;
  /** The postmaster's pid when this run started it. */
  readonly pid: number | undefined;
}

export interface ProvidedKafka {
  readonly source: 'KAFKA_BROKERS' | 'started: local single-node KRaft broker';
  readonly brokers: readonly string[];
  /** Known when this run started the broker. */
  readonly version: string | undefined;
  /** The broker's JVM when this run started it. */
  readonly pid: number | undefined;
}

export interface ProvidedInfra {
  readonly postgres: ProvidedPostgres;
  readonly kafka: ProvidedKafka;
  /** Stops what this run started and deletes its folders; idempotent. */
  stop(): Promise<void>;
}

export interface Started<T> {
  readonly value: T;
  readonly stop: () => Promise<void>;
}

/**
 * Uses `DATABASE_URL` / `KAFKA_BROKERS` when set, otherwise starts a durable Postgres (a
 * persistent cluster in a temporary folder: fsync and synchronous_commit on, unlike the
 * throwaway clusters of the tests) and a Kafka broker, both at once.
 */
export async function provideInfra(
  config: BenchConfig,
  progress: Progress,
): Promise<ProvidedInfra> {
  const [postgres, kafka] = await Promise.allSettled([
    providePostgres(config, progress),
    provideKafka(config, progress),
  ]);
  const stops = [postgres, kafka].flatMap((result) =>
    result.status === 'fulfilled' ? [result.value.stop] : [],
  );
  const stopAll = once(async () => {
    await Promise.allSettled(stops.map((stop) => stop()));
  });
  if (postgres.status === 'rejected') {
    await stopAll();
    throw infraFailure('Postgres', postgres.reason);
  }
  if (kafka.status === 'rejected') {
    await stopAll();
    throw infraFailure('Kafka', kafka.reason);
  }
  return { postgres: postgres.value.value, kafka: kafka.value.value, stop: stopAll };
}

export async function providePostgres(
  config: BenchConfig,
  progress: Progress,
): Promise<Started<ProvidedPostgres>> {
  if (config.databaseUrl !== undefined) {
    progress.step('postgres: using DATABASE_URL');
    return {
      value: {
        source: 'DATABASE_URL',
        serverUrl: config.databaseUrl,
        dataDir: undefined,
        pid: undefined,
      },
      stop: () => Promise.resolve(),
    };
  }
  // As root the server runs as nobody: the folder above the data folder must be enterable.
  const folder = await mkdtemp(path.join(tmpdir(), 'tessera-bench-pg-'));
  const removeFolder = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    await chmod(folder, 0o755);
    const dataDir = path.join(folder, 'data');
    progress.step(`postgres: starting a durable cluster in ${dataDir}`);
    const server = await startPostgres({ dataDir });
    progress.step(`postgres: ready on port ${server.port}`);
    return {
      value: {
        source: 'started: durable local cluster in a temporary folder',
        serverUrl: server.url,
        dataDir,
        pid: server.pid,
      },
      stop: async () => {
        try {
          await server.stop();
        } finally {
          await removeFolder();
        }
      },
    };
  } catch (error) {
    await removeFolder();
    throw error;
  }
}

async function provideKafka(
  config: BenchConfig,
  progress: Progress,
): Promise<Started<ProvidedKafka>> {
  if (config.kafkaBrokers !== undefined) {
    progress.step('kafka: using KAFKA_BROKERS');
    return {
      value: {
        source: 'KAFKA_BROKERS',
        brokers: config.kafkaBrokers,
        version: undefined,
        pid: undefined,
      },
      stop: () => Promise.resolve(),
    };
  }
  progress.step('kafka: starting a local broker');
  const broker = await startKafka();
  progress.step(`kafka: ${broker.version} ready at ${broker.brokers.join(',')}`);
  return {
    value: {
      source: 'started: local single-node KRaft broker',
      brokers: broker.brokers,
      version: broker.version,
      pid: broker.pid,
    },
    stop: () => broker.stop(),
  };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}

function infraFailure(which: string, error: unknown): BenchInfraError {
  const reason = error instanceof Error ? error.message : String(error);
  return new BenchInfraError(`could not provide ${which}: ${reason}`, { cause: error });
}
