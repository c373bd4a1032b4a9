import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning } from '../process/index.js';

/**
 * Whether `pid` is a running Postgres server process. Pids are reused, so a pid read from an old
 * file must be checked before it is signalled. Where /proc is missing, a running pid is assumed
 * to be what the file says.
 */
export async function isRunningPostgres(pid: number): Promise<boolean> {
  if (!(await isProcessRunning(pid))) return false;
  const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => undefined);
  return name === undefined || name.trim() === 'postgres';
}

/** Polls until `pid` is gone; true if it went within `timeoutMs`. */
export async function goneWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isProcessRunning(pid))) return true;
    await sleep(100);
  }
  return !(await isProcessRunning(pid));
}

/** Sends a signal; false when the process no longer exists. */
export function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** True when `promise` settles within `timeoutMs`. */
export async function settlesWithin(
  promise: Promise<unknown>,
  timeoutMs: number,
): Promise<boolean> {
  const timer = new AbortController();
  const timedOut = sleep(timeoutMs, false, { signal: timer.signal }).catch(() => false);
  try {
    return await Promise.race([promise.then(() => true), timedOut]);
  } finally {
    timer.abort();
  }
}
