import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataDirInUseError } from './standalone-errors.js';

/** Data folders this process holds, which a pid file alone cannot tell apart. */
const claimedHere = new Set<string>();

export interface DataDirLock {
  /** Removes the pid file if it is still this process's. */
  release(): Promise<void>;
}

/**
 * Claims the data folder for this process (`<dataDir>/standalone.pid`), creating the folder
 * (mode 0755: the embedded Postgres runs as another user when this process is root). A pid file
 * of a process that no longer runs (one killed with SIGKILL) is taken over; one of a running
 * process, or a folder this process already runs on, is refused: starting the embedded Postgres
 * would stop that server.
 */
export async function claimDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, 'standalone.pid');
  if (claimedHere.has(dataDir)) throw new DataDirInUseError(dataDir, process.pid, file);
  claimedHere.add(dataDir);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o755 });
    const holder = await readPid(file);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new DataDirInUseError(dataDir, holder, file);
    }
    await writeFile(file, `${String(process.pid)}\n`);
  } catch (error) {
    claimedHere.delete(dataDir);
    throw error;
  }
  let released: Promise<void> | undefined;
  return {
    release: () =>
      (released ??= (async () => {
        claimedHere.delete(dataDir);
        if ((await readPid(file)) === process.pid) await rm(file, { force: true });
      })()),
  };
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
