import { randomBytes } from 'node:crypto';
import { chmod, cp, lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type PostgresRunnerEnv } from '../postgres-env.js';
import { type PostgresBinaries } from './binaries.js';
import { firstClosedFolder, type RunAs } from './run-as.js';

/**
 * Binaries that `runAs` can execute. When the installed ones are reachable by other users they
 * are used in place. Otherwise (typically a repository cloned under /root, which is mode 0700)
 * the package's `native/` folder is copied once, symlinks preserved, into a world-readable folder
 * owned by this user, and the copy is used from then on.
 */
export async function binariesRunnableBy(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  env: PostgresRunnerEnv,
): Promise<PostgresBinaries> {
  if (runAs === undefined || (await isOpenToOthers(binaries.nativeDir))) return binaries;
  const copyName = `postgres-${path.basename(binaries.packageName)}-${binaries.version}`;
  const failures: unknown[] = [];
  for (const candidate of copyFolderCandidates(copyName, env)) {
    const nativeDir = await usableCopy(binaries.nativeDir, candidate).catch((error: unknown) => {
      failures.push(error);
      return undefined;
    });
    if (nativeDir !== undefined) return relocated(binaries, nativeDir);
  }
  throw new Error(
    `Postgres binaries in ${binaries.nativeDir} are not readable by uid ${runAs.uid}, and no ` +
      'world-readable folder was found to copy them to; set TESSERA_CACHE_DIR to one.',
    { cause: new AggregateError(failures) },
  );
}

/**
 * Where a copy may live, best first: the configured cache, the user's cache (both may be under a
 * closed home folder such as /root, in which case they are passed over), then shared temp folders.
 */
export function copyFolderCandidates(copyName: string, env: PostgresRunnerEnv): string[] {
  const userCache =
    env.xdgCacheHome !== undefined && path.isAbsolute(env.xdgCacheHome)
      ? env.xdgCacheHome
      : path.join(os.homedir(), '.cache');
  return [
    ...(env.tesseraCacheDir === undefined ? [] : [path.resolve(env.tesseraCacheDir, copyName)]),
    path.join(userCache, 'tessera', copyName),
    path.join('/var/tmp', `tessera-${copyName}`),
    path.join(os.tmpdir(), `tessera-${copyName}`),
  ];
}

async function isOpenToOthers(nativeDir: string): Promise<boolean> {
  if ((await firstClosedFolder(nativeDir)) !== undefined) return false;
  const required: [string, number][] = [
    [path.join(nativeDir, 'bin'), 0o005],
    [path.join(nativeDir, 'bin', 'postgres'), 0o005],
    [path.join(nativeDir, 'bin', 'initdb'), 0o005],
    [path.join(nativeDir, 'lib'), 0o005],
    [path.join(nativeDir, 'share'), 0o005],
  ];
  for (const [file, bits] of required) {
    const info = await stat(file).catch(() => undefined);
    if (info === undefined || (info.mode & bits) !== bits) return false;
  }
  return true;
}

/** The copy at `destination`, made now if missing; undefined when that place cannot be used. */
async function usableCopy(source: string, destination: string): Promise<string | undefined> {
  if ((await firstClosedFolder(destination)) !== undefined) return undefined;
  if (await isTrustedCopy(destination)) return destination;
  if (await exists(destination)) return undefined;
  await makeOpenFolders(path.dirname(destination));
  const staging = `${destination}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await cp(source, staging, { recursive: true, verbatimSymlinks: true });
    await openToOthers(staging);
    await rename(staging, destination);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process may have finished the same copy first: use theirs if it can be trusted.
    if (!(await isTrustedCopy(destination))) throw error;
  }
  return (await isTrustedCopy(destination)) ? destination : undefined;
}

/** A copy made by this user that nobody else can have changed. */
async function isTrustedCopy(folder: string): Promise<boolean> {
  const info = await lstat(folder).catch(() => undefined);
  if (info?.isDirectory() !== true) return false;
  if (info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) return false;
  return (await exists(path.join(folder, 'bin', 'postgres'))) && isOpenToOthers(folder);
}

async function makeOpenFolders(folder: string): Promise<void> {
  const firstCreated = await mkdir(folder, { recursive: true, mode: 0o755 });
  if (firstCreated === undefined) return;
  for (let current = folder; ; current = path.dirname(current)) {
    await chmod(current, 0o755);
    if (current === firstCreated || path.dirname(current) === current) break;
  }
}

/** Folders 0755, files readable by all (executables stay executable), nothing writable by others. */
async function openToOthers(folder: string): Promise<void> {
  await chmod(folder, 0o755);
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await chmod(file, 0o755);
    else if (entry.isFile()) {
      const { mode } = await stat(file);
      await chmod(file, (mode & 0o100) !== 0 ? 0o755 : 0o644);
    }
  }
}

function relocated(binaries: PostgresBinaries, nativeDir: string): PostgresBinaries {
  return {
    ...binaries,
    nativeDir,
    initdb: path.join(nativeDir, 'bin', path.basename(binaries.initdb)),
    postgres: path.join(nativeDir, 'bin', path.basename(binaries.postgres)),
  };
}

async function exists(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined)) !== undefined;
}
