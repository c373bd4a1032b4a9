import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binariesRunnableBy } from './binaries-for-user.js';
import { locatePostgresBinaries } from './binaries.js';
import { postgresRunAs, UNPRIVILEGED } from './run-as.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tessera-bins-int-'));
  await chmod(root, 0o755);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('binaries installed where the server user cannot reach them (a clone under /root)', () => {
  it('are copied once and the copy runs as that user', async () => {
    const installed = await locatePostgresBinaries();
    const closedHome = path.join(root, 'home');
    await mkdir(closedHome, { mode: 0o700 });
    await chmod(closedHome, 0o700);
    const nativeDir = path.join(closedHome, 'native');
    await cp(installed.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
    const unreachable = {
      ...installed,
      nativeDir,
      postgres: path.join(nativeDir, 'bin', 'postgres'),
      initdb: path.join(nativeDir, 'bin', 'initdb'),
    };

    const copied = await binariesRunnableBy(unreachable, UNPRIVILEGED, {
      tesseraCacheDir: path.join(root, 'cache'),
      xdgCacheHome: undefined,
    });

    expect(copied.nativeDir.startsWith(path.join(root, 'cache'))).toBe(true);
    // As root this runs as nobody, which proves the copy (and its library symlinks) is reachable.
    for (const program of [copied.postgres, copied.initdb]) {
      const run = spawnSync(program, ['--version'], {
        encoding: 'utf8',
        timeout: 30_000,
        ...postgresRunAs(),
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/\(PostgreSQL\) 17\./);
    }
  }, 120_000);
});
