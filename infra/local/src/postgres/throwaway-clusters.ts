import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProcessRunning } from '../process/index.js';
import { clearLeftoverPostmaster, type ShutdownBudget } from './stop-postmaster.js';

/** The folders of one throwaway cluster: everything lives in `folder`, removed at stop. */
export interface ThrowawayCluster {
  readonly folder: string;
  readonly dataDir: string;
  readonly logFile: string;
}

interface Owner {
  readonly pid: number;
  readonly createdAt: string;
}

const OWNER_FILE = 'owner.json';
/** A cluster folder without an owner file is still being created, unless it is this old. */
const UNCLAIMED_GRACE_MS = 10 * 60_000;

/**
 * Where throwaway clusters live: one folder per user under the temp folder, so that users never
 * share (or have to clean up) each other's clusters.
 */
export function throwawayParentFolder(): string {
  return path.join(os.tmpdir(), `tessera-pg-${String(process.getuid?.() ?? 'user')}`);
}

/**
 * Creates the folder of a new throwaway cluster and records this process as its owner before
 * anything else happens, so that a concurrent `reapAbandonedClusters` leaves it alone. The
 * folders are open for traversal (0755) because a server started by root runs as another user.
 */
export async function createThrowawayCluster(
  parent: string = throwawayParentFolder(),
): Promise<ThrowawayCluster> {
  await ensureOwnParentFolder(parent);
  const folder = await mkdtemp(path.join(parent, 'cluster-'));
  const owner: Owner = { pid: process.pid, createdAt: new Date().toISOString() };
  await writeFile(path.join(folder, OWNER_FILE), JSON.stringify(owner));
  await chmod(folder, 0o755);
  return { folder, dataDir: path.join(folder, 'data'), logFile: path.join(folder, 'postgres.log') };
}

/**
 * Removes throwaway clusters whose owner process is gone (it was killed before it could stop
 * them): their postmaster is stopped, then their folder deleted. Best effort by design: a cluster
 * that cannot be reaped now is left for the next start. Returns the folders removed.
 */
export async function reapAbandonedClusters(
  parent: string = throwawayParentFolder(),
  budget?: ShutdownBudget,
): Promise<string[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const reaped: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('cluster-')) continue;
    const folder = path.join(parent, entry.name);
    try {
      if (!(await isAbandoned(folder))) continue;
      await clearLeftoverPostmaster(path.join(folder, 'data'), budget);
      await rm(folder, { recursive: true, force: true });
      reaped.push(folder);
    } catch {
      // Left for a later start: reaping must never keep a new cluster from starting.
    }
  }
  return reaped;
}

async function isAbandoned(folder: string): Promise<boolean> {
  const owner = await readOwner(folder);
  if (owner !== undefined) return !(await isProcessRunning(owner.pid));
  const info = await lstat(folder);
  return Date.now() - info.mtimeMs > UNCLAIMED_GRACE_MS;
}

async function readOwner(folder: string): Promise<Owner | undefined> {
  const text = await readFile(path.join(folder, OWNER_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    const pid: unknown =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'pid') : undefined;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0
      ? { pid, createdAt: String(Reflect.get(parsed as object, 'createdAt')) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The parent must be ours and not writable by others: we delete what we find in it. */
async function ensureOwnParentFolder(parent: string): Promise<void> {
  await mkdir(parent, { recursive: true, mode: 0o755 });
  const info = await lstat(parent);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) {
    throw new Error(`${parent} exists but is not a folder owned by this user; remove it and retry`);
  }
  await chmod(parent, 0o755);
}
