import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstClosedFolder, postgresRunAs, UNPRIVILEGED } from './run-as.js';

describe('postgresRunAs', () => {
  it('hands the server to nobody/nogroup when this process is root', () => {
    expect(postgresRunAs(0)).toEqual({ uid: 65534, gid: 65534 });
    expect(postgresRunAs(0)).toBe(UNPRIVILEGED);
  });

  it('keeps the current user otherwise', () => {
    expect(postgresRunAs(1000)).toBeUndefined();
  });
});

describe('firstClosedFolder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tessera-run-as-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('names the first folder that others cannot enter', async () => {
    await chmod(root, 0o700);
    await mkdir(path.join(root, 'inner', 'deeper'), { recursive: true, mode: 0o755 });
    expect(await firstClosedFolder(path.join(root, 'inner', 'deeper'))).toBe(root);
  });

  it('finds nothing when every existing folder on the way is open, ignoring missing ones', async () => {
    await chmod(root, 0o755);
    await mkdir(path.join(root, 'open'), { mode: 0o755 });
    await chmod(path.join(root, 'open'), 0o755);
    expect(await firstClosedFolder(path.join(root, 'open', 'not-yet', 'data'))).toBeUndefined();
  });
});
