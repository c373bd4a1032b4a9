import { type ChildProcess, spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { type ChildExit, readFileTail, watchChildExit } from '../process/index.js';
import { type PostgresBinaries } from './binaries.js';
import { type RunAs } from './run-as.js';
import { stopPostmaster } from './stop-postmaster.js';
import { settlesWithin } from './process-state.js';
import { type PostgresSettings } from './types.js';

/** Settings that make a throwaway cluster fast: nothing is flushed to disk. */
export const throwawaySettings: PostgresSettings = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
};

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<ChildExit>;
}

/**
 * Starts the postmaster on 127.0.0.1:`port` with Unix sockets disabled. Its stdout and stderr go
 * straight to `logFile` (not through a pipe to this process), so it keeps logging after this
 * process dies and the log can be read when start-up fails. It gets its own process group, so a
 * Ctrl-C in the terminal reaches only this process, which then stops the server in order.
 */
export async function spawnServer(options: {
  binaries: PostgresBinaries;
  dataDir: string;
  port: number;
  settings: PostgresSettings;
  logFile: string;
  runAs: RunAs | undefined;
}): Promise<ServerProcess> {
  const settings: PostgresSettings = {
    ...options.settings,
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
  };
  const args = ['-D', options.dataDir, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${String(value)}`);
  const log = await open(options.logFile, 'w', 0o644);
  let child: ChildProcess;
  try {
    child = spawn(options.binaries.postgres, args, {
      cwd: options.dataDir,
      stdio: ['ignore', log.fd, log.fd],
      detached: true,
      ...options.runAs,
    });
  } finally {
    await log.close();
  }
  const exited = watchChildExit(child);
  // A failed spawn has no pid; report it through `exited` like any other early exit.
  return { child, pid: child.pid ?? -1, exited };
}

/** Stops a postmaster this process started; false if it survived SIGKILL. */
export function stopServer(server: ServerProcess): Promise<boolean> {
  const { child, exited } = server;
  return stopPostmaster(
    (name) => child.exitCode === null && child.signalCode === null && child.kill(name),
    (timeoutMs) => settlesWithin(exited, timeoutMs),
  );
}

/** The end of the server's log (Postgres logs little at start-up, so this is usually all of it). */
export function readServerLog(logFile: string): Promise<string> {
  return readFileTail(logFile, { maxLines: 200 });
}
