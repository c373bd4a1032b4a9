import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchPhaseError } from '../core/errors.js';
import { type BenchDatabase, createBenchDatabase } from '../infra/bench-database.js';

/**
 * `npm start`'s program from its sources: forked with this process's loader and conditions, so
 * that it runs as the benchmarks do (no build needed).
 */
const standaloneMain = fileURLToPath(
  new URL('../../../../services/standalone/src/cli/main.ts', import.meta.url),
);

/** The line `npm start` prints once everything runs, followed by the gateway's URL. */
const readyLine = /^Tessera is ready at (\S+)/;
const welcomeField = (name: string) => new RegExp(`^\\s+${name}\\s+(.+)$`);

/** The standalone control plane of this run, in a process of its own. */
export interface BenchControlPlane {
  readonly httpUrl: string;
  readonly adminToken: string;
  readonly pid: number;
  /** The welcome text's `Demo lab` and `Data` lines, as `npm start` printed them. */
  readonly demoLab: string;
  readonly data: string;
  readonly database: BenchDatabase;
  /** Stops the control plane (SIGTERM, bounded), drops its database, deletes its data folder. */
  close(): Promise<void>;
}

/**
 * Runs the control plane as `npm start` does (inventory, composer, simulated fleet, demo lab,
 * gateway on a free loopback port, services on the Postgres-log transport) in a child process,
 * on a fresh database of `serverUrl` instead of the embedded Postgres: the load the benchmark
 * generates costs its own process, not the one measured. The child's output goes to stderr.
 */
export async function startBenchControlPlane(
  serverUrl: string,
  lab: { readonly seed: number; readonly hosts: number },
  readyTimeoutMs: number,
): Promise<BenchControlPlane> {
  const database = await createBenchDatabase(serverUrl);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tessera-bench-api-'));
  const adminToken = `bench-admin-${randomBytes(16).toString('hex')}`;
  // The Postgres-log transport: no Kafka, whatever this shell has.
  const { KAFKA_BROKERS: _kafka, ...inherited } = process.env;
  const child = fork(standaloneMain, [], {
    stdio: ['ignore', 'pipe', 2, 'ipc'],
    env: {
      ...inherited,
      DATABASE_URL: database.url,
      TESSERA_DATA_DIR: dataDir,
      TESSERA_HTTP_HOST: '127.0.0.1',
      TESSERA_HTTP_PORT: '0',
      TESSERA_GRPC_PORT: '0',
      TESSERA_ADMIN_TOKEN: adminToken,
      TESSERA_LAB_SEED: String(lab.seed),
      TESSERA_LAB_HOSTS: String(lab.hosts),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await stop(child, exited);
      } finally {
        await database.drop().catch(() => undefined);
        await rm(dataDir, { recursive: true, force: true });
      }
    })());
  try {
    const welcome = await welcomeOf(child, exited, readyTimeoutMs);
    return { ...welcome, adminToken, pid: child.pid ?? -1, database, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Reads the child's stdout (echoed to stderr) until the welcome text is complete. */
function welcomeOf(
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<{ httpUrl: string; demoLab: string; data: string }> {
  return new Promise((resolve, reject) => {
    const found: { httpUrl?: string; demoLab?: string; data?: string } = {};
    let pending = '';
    const timer = setTimeout(() => {
      reject(new BenchPhaseError('control plane', `not ready after ${timeoutMs / 1_000} s`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new BenchPhaseError('control plane', `exited with ${String(code)} before ready`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        found.httpUrl ??= readyLine.exec(line)?.[1];
        found.demoLab ??= welcomeField('Demo lab').exec(line)?.[1];
        found.data ??= welcomeField('Data').exec(line)?.[1];
      }
      const { httpUrl, demoLab, data } = found;
      if (httpUrl !== undefined && demoLab !== undefined && data !== undefined) {
        clearTimeout(timer);
        resolve({ httpUrl, demoLab, data });
      }
    });
  });
}

/** SIGTERM, then SIGKILL if it has not exited within 40 s (`npm start` allows itself 30 s). */
async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  await exited;
  clearTimeout(killer);
}
