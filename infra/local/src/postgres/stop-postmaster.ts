import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { LeftoverPostmasterError } from './errors.js';
import { goneWithin, isRunningPostgres, sendSignal } from './process-state.js';

/** How long each shutdown mode may take before the next, harsher one is tried. */
export interface ShutdownBudget {
  /** After SIGINT (fast shutdown: disconnect clients, checkpoint, exit). */
  readonly fastMs: number;
  /** After SIGQUIT (immediate shutdown: exit now, crash recovery at the next start). */
  readonly immediateMs: number;
  /** After SIGKILL. */
  readonly killMs: number;
}

export const defaultShutdownBudget: ShutdownBudget = {
  fastMs: 30_000,
  immediateMs: 5_000,
  killMs: 5_000,
};

/**
 * Stops a postmaster: SIGINT, then SIGQUIT, then SIGKILL, each followed by `waitGone` (which
 * resolves true once the process has exited). `signal` delivers a signal and returns false when
 * the process is already gone. SIGTERM is not used: it is Postgres' "smart" shutdown, which waits
 * for every client to disconnect. Returns false if the process survived SIGKILL.
 */
export async function stopPostmaster(
  signal: (name: NodeJS.Signals) => boolean,
  waitGone: (timeoutMs: number) => Promise<boolean>,
  budget: ShutdownBudget = defaultShutdownBudget,
): Promise<boolean> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', budget.fastMs],
    ['SIGQUIT', budget.immediateMs],
    ['SIGKILL', budget.killMs],
  ];
  for (const [name, timeoutMs] of steps) {
    if (!signal(name)) return true;
    if (await waitGone(timeoutMs)) return true;
  }
  return false;
}

/** The pid recorded in `<dataDir>/postmaster.pid`, or undefined when there is no such file. */
export async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(
    () => undefined,
  );
  const pid = Number.parseInt(content?.split('\n', 1)[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Makes a data folder free to start: a postmaster still running in it (left by a run that was
 * killed with SIGKILL, so it never stopped its child) is shut down, and a pid file whose process
 * is gone is removed. Throws `LeftoverPostmasterError` if the postmaster does not stop.
 */
export async function clearLeftoverPostmaster(
  dataDir: string,
  budget: ShutdownBudget = defaultShutdownBudget,
): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;
  if (await isRunningPostgres(pid)) {
    let stopped: boolean;
    try {
      stopped = await stopPostmaster(
        (name) => sendSignal(pid, name),
        (timeoutMs) => goneWithin(pid, timeoutMs),
        budget,
      );
    } catch (error) {
      throw new LeftoverPostmasterError(dataDir, pid, error);
    }
    if (!stopped) throw new LeftoverPostmasterError(dataDir, pid);
  }
  // A clean shutdown removes the file itself; after SIGKILL (or a crash) it stays behind.
  await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
}
