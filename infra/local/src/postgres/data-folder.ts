import { spawn } from 'node:child_process';
import { chmod, chown, lchown, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { type PostgresBinaries } from './binaries.js';
import { DataDirUnreachableError, InitdbFailedError } from './errors.js';
import { firstClosedFolder, type RunAs } from './run-as.js';

const INITDB_TIMEOUT_MS = 180_000;

/**
 * Creates the data folder if needed and gives it to the user Postgres runs as, with the 0700 mode
 * Postgres insists on. As root, every folder above it must be enterable by that user.
 */
export async function prepareDataFolder(dataDir: string, runAs: RunAs | undefined): Promise<void> {
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (runAs !== undefined) {
    const closed = await firstClosedFolder(path.dirname(dataDir));
    if (closed !== undefined) throw new DataDirUnreachableError(dataDir, closed, runAs.uid);
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs !== undefined && (await lstat(dataDir)).uid !== runAs.uid) {
    await chownTree(dataDir, runAs);
  }
  await chmod(dataDir, 0o700);
}

/** Whether the folder already holds a cluster (initdb writes `PG_VERSION`). */
export async function isInitialised(dataDir: string): Promise<boolean> {
  return (await lstat(path.join(dataDir, 'PG_VERSION')).catch(() => undefined)) !== undefined;
}

/**
 * Runs initdb unless the folder already holds a cluster. Superuser `postgres`, trust
 * authentication (the server listens on 127.0.0.1 only), UTF8 with the C locale so that sorting
 * does not depend on the host. `durable: false` skips fsync (throwaway clusters).
 */
export async function initialiseIfNeeded(
  binaries: PostgresBinaries,
  dataDir: string,
  runAs: RunAs | undefined,
  options: { durable: boolean },
): Promise<boolean> {
  if (await isInitialised(dataDir)) return false;
  const args = ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C'];
  if (!options.durable) args.push('--no-sync');
  const result = await runInitdb(binaries.initdb, args, runAs, path.dirname(dataDir));
  if (!result.succeeded) {
    throw new InitdbFailedError(dataDir, result.outcome, result.output);
  }
  return true;
}

async function chownTree(folder: string, runAs: RunAs): Promise<void> {
  await chown(folder, runAs.uid, runAs.gid);
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    await lchown(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
}

function runInitdb(
  initdb: string,
  args: string[],
  runAs: RunAs | undefined,
  cwd: string,
): Promise<{ succeeded: boolean; outcome: string; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(initdb, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...runAs });
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), INITDB_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ succeeded: false, outcome: `could not be started (${error.message})`, output });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const outcome =
        signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`;
      resolve({ succeeded: signal === null && code === 0, outcome, output });
    });
  });
}
