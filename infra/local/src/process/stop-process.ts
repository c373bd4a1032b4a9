import { type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ChildExit } from './child-exit.js';
import { isProcessRunning } from './process-info.js';

/** How a stop ended: it had already exited, it obeyed SIGTERM, or it needed SIGKILL. */
export type StopOutcome = 'already-exited' | 'terminated' | 'killed';

export interface StopOptions {
  /** How long to wait after SIGTERM before SIGKILL. */
  graceMs: number;
  /** How long to wait after SIGKILL before giving up (the kernel normally needs milliseconds). */
  killWaitMs?: number;
}

/**
 * Stops a child this process spawned: SIGTERM, wait up to `graceMs` for `exited` (from
 * `watchChildExit`), then SIGKILL and wait again. Safe to call on a child that has already exited.
 * Throws only when the child survives SIGKILL, which means the kernel could not deliver it.
 */
export async function stopChildProcess(
  child: ChildProcess,
  exited: Promise<ChildExit>,
  options: StopOptions,
): Promise<StopOutcome> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return 'already-exited';
  }
  child.kill('SIGTERM');
  if (await settlesWithin(exited, options.graceMs)) return 'terminated';
  child.kill('SIGKILL');
  if (await settlesWithin(exited, options.killWaitMs ?? 10_000)) return 'killed';
  throw new Error(`process ${child.pid} survived SIGKILL`);
}

/**
 * Stops a process known only by its pid (e.g. one left behind by a dead parent): SIGTERM, poll
 * until it is gone or `graceMs` passed, then SIGKILL. Verify that the pid is the process you mean
 * before calling this (see `readProcessCommandLine`): pids are reused.
 */
export async function stopProcessById(pid: number, options: StopOptions): Promise<StopOutcome> {
  if (!signal(pid, 'SIGTERM')) return 'already-exited';
  if (await goneWithin(pid, options.graceMs)) return 'terminated';
  if (!signal(pid, 'SIGKILL')) return 'terminated';
  if (await goneWithin(pid, options.killWaitMs ?? 10_000)) return 'killed';
  throw new Error(`process ${pid} survived SIGKILL`);
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

async function goneWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isProcessRunning(pid))) return true;
    await sleep(100);
  }
  return !(await isProcessRunning(pid));
}

async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  const timeout = new AbortController();
  const timedOut = sleep(timeoutMs, false, { signal: timeout.signal }).catch(() => false);
  const settled = promise.then(() => true);
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    timeout.abort();
  }
}
