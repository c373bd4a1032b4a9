import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningStandalone, startStandalone } from '@tessera/standalone';
import { type BenchDatabase, createBenchDatabase } from '../infra/bench-database.js';
import { divertStdoutToStderr } from './stdout-guard.js';

/** The standalone control plane of this run, over a database of its own. */
export interface BenchControlPlane {
  readonly standalone: RunningStandalone;
  readonly adminToken: string;
  readonly database: BenchDatabase;
  /** Stops the control plane, drops its database and deletes its data folder. */
  close(): Promise<void>;
}

/**
 * `startStandalone` in this process as `npm start` runs it (inventory, composer, simulated fleet,
 * demo lab, gateway on a free loopback port, services on the Postgres-log transport), on a fresh
 * database of `serverUrl` instead of the embedded Postgres, with a temporary data folder. While
 * it runs, its writes to stdout go to stderr.
 */
export async function startBenchControlPlane(
  serverUrl: string,
  lab: { readonly seed: number; readonly hosts: number },
): Promise<BenchControlPlane> {
  const database = await createBenchDatabase(serverUrl);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tessera-bench-api-'));
  const restoreStdout = divertStdoutToStderr();
  const cleanUp = async (): Promise<void> => {
    restoreStdout();
    await database.drop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  };
  const adminToken = `bench-admin-${randomBytes(16).toString('hex')}`;
  let standalone: RunningStandalone;
  try {
    standalone = await startStandalone(
      {
        dataDir,
        httpHost: '127.0.0.1',
        httpPort: 0,
        grpcPort: 0,
        adminToken,
        databaseUrl: database.url,
        kafkaBrokers: undefined,
        lab,
      },
      { logLevels: ['error'] },
    );
  } catch (error) {
    await cleanUp();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    standalone,
    adminToken,
    database,
    close: () =>
      (closing ??= (async () => {
        try {
          await standalone.close();
        } finally {
          await cleanUp();
        }
      })()),
  };
}
