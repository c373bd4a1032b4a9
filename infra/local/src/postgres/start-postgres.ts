import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readPostgresRunnerEnv } from '../postgres-env.js';
import { describeChildExit, findFreePorts } from '../process/index.js';
import { binariesRunnableBy } from './binaries-for-user.js';
import { locatePostgresBinaries, type PostgresBinaries } from './binaries.js';
import { initialiseIfNeeded, prepareDataFolder } from './data-folder.js';
import { PostgresExitedDuringStartError, PostgresStartTimeoutError } from './errors.js';
import { waitUntilAcceptingConnections } from './readiness.js';
import { postgresRunAs, type RunAs } from './run-as.js';
import {
  readServerLog,
  type ServerProcess,
  spawnServer,
  stopServer,
  throwawaySettings,
} from './server-process.js';
import { clearLeftoverPostmaster } from './stop-postmaster.js';
import { createThrowawayCluster, reapAbandonedClusters } from './throwaway-clusters.js';
import { type LocalPostgres, type StartPostgresOptions } from './types.js';

const DEFAULT_START_TIMEOUT_MS = 60_000;
/** How often a free port that another process grabbed first is replaced by a new one. */
const PORT_ATTEMPTS = 3;

interface Layout {
  readonly mode: LocalPostgres['mode'];
  readonly dataDir: string;
  readonly logFile: string;
  /** What `stop()` deletes: the throwaway cluster's folder. */
  readonly removeAtStop: string | undefined;
}

/**
 * Starts a local Postgres 17 from the binaries npm installed and resolves once it accepts
 * connections. Before starting it reaps throwaway clusters whose owner died and stops a
 * postmaster left running in the data folder by a killed run. See `StartPostgresOptions` for the
 * throwaway and persistent modes.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<LocalPostgres> {
  await reapAbandonedClusters();
  const runAs = postgresRunAs();
  const binaries = await binariesRunnableBy(
    await locatePostgresBinaries(),
    runAs,
    readPostgresRunnerEnv(),
  );
  const layout = await prepareLayout(options.dataDir);
  try {
    await clearLeftoverPostmaster(layout.dataDir);
    await prepareDataFolder(layout.dataDir, runAs);
    await initialiseIfNeeded(binaries, layout.dataDir, runAs, {
      durable: layout.mode === 'persistent',
    });
    return await launch(binaries, layout, runAs, options);
  } catch (error) {
    if (layout.removeAtStop !== undefined) {
      await rm(layout.removeAtStop, { recursive: true, force: true });
    }
    throw error;
  }
}

async function prepareLayout(dataDir: string | undefined): Promise<Layout> {
  if (dataDir === undefined) {
    const cluster = await createThrowawayCluster();
    return {
      mode: 'throwaway',
      dataDir: cluster.dataDir,
      logFile: cluster.logFile,
      removeAtStop: cluster.folder,
    };
  }
  const absolute = path.resolve(dataDir);
  return {
    mode: 'persistent',
    dataDir: absolute,
    logFile: path.join(absolute, 'postgres.log'),
    removeAtStop: undefined,
  };
}

async function launch(
  binaries: PostgresBinaries,
  layout: Layout,
  runAs: RunAs | undefined,
  options: StartPostgresOptions,
): Promise<LocalPostgres> {
  const settings = {
    ...(layout.mode === 'throwaway' ? throwawaySettings : {}),
    ...options.settings,
  };
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    const server = await spawnServer({
      binaries,
      dataDir: layout.dataDir,
      port,
      settings,
      logFile: layout.logFile,
      runAs,
    });
    const readiness = await waitUntilAcceptingConnections(port, server.exited, timeoutMs);
    switch (readiness.state) {
      case 'ready':
        return handle(server, layout, port, runAs);
      case 'exited': {
        const log = await readServerLog(layout.logFile);
        const error = new PostgresExitedDuringStartError(
          layout.dataDir,
          describeChildExit(readiness.exit),
          log,
        );
        if (error.portWasTaken && options.port === undefined && attempt < PORT_ATTEMPTS) continue;
        throw error;
      }
      case 'timed-out':
        await stopServer(server);
        throw new PostgresStartTimeoutError(
          layout.dataDir,
          timeoutMs,
          await readServerLog(layout.logFile),
          readiness.lastError,
        );
    }
  }
}

function handle(
  server: ServerProcess,
  layout: Layout,
  port: number,
  runAs: RunAs | undefined,
): LocalPostgres {
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    if (!(await stopServer(server))) {
      throw new Error(`Postgres (pid ${server.pid}) in ${layout.dataDir} survived SIGKILL`);
    }
    if (layout.removeAtStop !== undefined) {
      await rm(layout.removeAtStop, { recursive: true, force: true });
    }
  };
  return {
    mode: layout.mode,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir: layout.dataDir,
    logFile: layout.logFile,
    pid: server.pid,
    runAs,
    exited: server.exited,
    stop: () => (stopping ??= stop()),
  };
}

async function freePort(): Promise<number> {
  const [port] = await findFreePorts(1);
  if (port === undefined) throw new Error('the kernel offered no free port on 127.0.0.1');
  return port;
}
