import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A temporary folder for a standalone data folder, enterable by others (as root the embedded
 * Postgres runs as nobody).
 */
export async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `tessera-${prefix}-`));
  await chmod(folder, 0o755);
  return folder;
}

/**
 * Removes the folder, first stopping (SIGQUIT, by the pid in its pid file) a postmaster that a killed
 * standalone process left running in `<dataDir>/postgres`.
 */
export async function removeFolder(folder: string, dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (Number.isSafeInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // Already gone.
    }
  }
  await rm(folder, { recursive: true, force: true });
}
