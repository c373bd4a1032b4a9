import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessCommand } from './service-commands.js';

/** How a child ended: its exit code or signal, or why it could not start. */
export interface ProcessExit {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly spawnError?: Error;
}

/** One line that says how a child ended. */
export function describeExit(exit: ProcessExit): string {
  if (exit.spawnError !== undefined) return `could not be started: ${exit.spawnError.message}`;
  if (exit.signal !== null) return `was killed by ${exit.signal}`;
  return `exited with code ${String(exit.exitCode)}`;
}

export interface SpawnOptions {
  readonly name: string;
  readonly command: ProcessCommand;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Receives every line the process writes, stdout and stderr alike. */
  readonly log: (service: string, line: string) => void;
}

/** A service running as a child process of this one. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  readonly script: string;
  /** Settles (never rejects) when the process ends, however it ends. */
  readonly exited: Promise<ProcessExit>;
  /**
   * Starts watching for a line matching `pattern`; the answer says whether one came since.
   * Call it right after spawning: lines are read asynchronously, so none is missed.
   */
  watchLine(pattern: RegExp): () => boolean;
  /** Its last lines, for error messages. */
  recentLines(): readonly string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. Idempotent. */
  stop(graceMs: number): Promise<void>;
  /** SIGKILL at once, synchronously (for the process-exit hook). */
  kill(): void;
}

const keptLines = 20;

/**
 * Spawns a service in its own process group, so that a Ctrl-C in the terminal reaches only
 * this process, which stops the services in order. Its output is read line by line into `log`.
 */
export function spawnService(options: SpawnOptions): ServiceProcess {
  const child = spawn(options.command.command, [...options.command.args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = watchExit(child);
  const recent: string[] = [];
  const watches: { readonly pattern: RegExp; seen: boolean }[] = [];
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > keptLines) recent.shift();
    for (const watch of watches) if (!watch.seen && watch.pattern.test(line)) watch.seen = true;
    options.log(options.name, line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  }
  let stopping: Promise<void> | undefined;
  return {
    name: options.name,
    pid: child.pid,
    script: options.command.script,
    exited,
    watchLine: (pattern) => {
      const watch = { pattern, seen: false };
      watches.push(watch);
      return () => watch.seen;
    },
    recentLines: () => [...recent],
    stop: (graceMs) => (stopping ??= stopChild(child, exited, graceMs)),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** On 'close', not 'exit': then its output has been read to the end, its last lines included. */
function watchExit(child: ChildProcess): Promise<ProcessExit> {
  return new Promise((resolve) => {
    child.once('close', (exitCode, signal) => {
      resolve({ exitCode, signal });
    });
    child.once('error', (spawnError) => {
      if (child.pid === undefined) resolve({ exitCode: null, signal: null, spawnError });
    });
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<ProcessExit>,
  graceMs: number,
): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await settlesWithin(exited, graceMs)) return;
  child.kill('SIGKILL');
  await exited;
}

async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise.then(() => true),
      sleep(timeoutMs, false, { signal: timer.signal }),
    ]);
  } finally {
    timer.abort();
  }
}
