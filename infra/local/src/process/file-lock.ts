import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning } from './process-info.js';
import { TesseraError } from '@tessera/errors';

/** The lock could not be taken in time because another live process holds it. */
export class LockTimeoutError extends TesseraError<'LOCK_TIMEOUT'> {
  readonly code = 'LOCK_TIMEOUT';

  constructor(
    readonly lockFile: string,
    readonly holderPid: number | undefined,
    timeoutMs: number,
  ) {
    super(
      `could not take the lock ${lockFile} within ${Math.round(timeoutMs / 1000)} s` +
        (holderPid === undefined ? '' : `: process ${holderPid} holds it`),
    );
  }
}

export interface FileLockOptions {
  /** Give up with `LockTimeoutError` after this long. */
  timeoutMs: number;
  /** How often to look again while another process holds the lock. Default 250 ms. */
  pollMs?: number;
}

/**
 * Runs `work` while holding an exclusive lock between processes on this machine: a file created
 * with O_EXCL that holds the owner's pid and is removed afterwards. A lock whose owner died
 * (killed before it could remove the file) is taken over, so a crash never blocks later runs.
 * Taking over a dead holder's lock is best effort: two waiters that notice the death at the same
 * instant can, rarely, both proceed, so `work` should stay correct (if slower) when that happens.
 * The folder of `lockFile` must exist.
 */
export async function withFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: FileLockOptions,
): Promise<T> {
  await acquire(lockFile, options);
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, options: FileLockOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await tryCreate(lockFile)) return;
    const holderPid = await readHolder(lockFile);
    if (holderPid !== undefined && !(await isProcessRunning(holderPid))) {
      // The holder died. Remove its file only if it is still that holder's (another process may
      // have taken over in between), then race for it again like everyone else.
      if ((await readHolder(lockFile)) === holderPid) await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(lockFile, holderPid, options.timeoutMs);
    await sleep(options.pollMs ?? 250);
  }
}

async function tryCreate(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The pid in the lock file; undefined while the holder is still writing it or when it is gone. */
async function readHolder(lockFile: string): Promise<number | undefined> {
  const text = await readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}
