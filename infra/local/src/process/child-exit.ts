import { type ChildProcess } from 'node:child_process';

/** How a long-running child ended: its exit code or signal, or the error that kept it from starting. */
export interface ChildExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the child could not be spawned at all (e.g. ENOENT); then code and signal are null. */
  spawnError?: Error;
}

/**
 * A promise that settles (never rejects) when `child` exits or fails to start. Call it right after
 * `spawn` so that no event is missed; it also works for a child that has already exited.
 */
export function watchChildExit(child: ChildProcess): Promise<ChildExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ exitCode: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (exitCode, signal) => {
      resolve({ exitCode, signal });
    });
    child.once('error', (spawnError) => {
      if (child.pid === undefined) resolve({ exitCode: null, signal: null, spawnError });
    });
  });
}

/** One line that says how a child ended, for error messages. */
export function describeChildExit(exit: ChildExit): string {
  if (exit.spawnError !== undefined) return `could not be started: ${exit.spawnError.message}`;
  if (exit.signal !== null) return `was killed by ${exit.signal}`;
  return `exited with code ${String(exit.exitCode)}`;
}
