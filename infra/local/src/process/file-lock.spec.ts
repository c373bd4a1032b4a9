import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from './file-lock.js';

describe('withFileLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs holders one at a time and removes the lock afterwards', async () => {
    const lockFile = join(dir, 'x.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withFileLock(
        lockFile,
        async () => {
          events.push(`${name} in`);
          await sleep(50);
          events.push(`${name} out`);
        },
        { timeoutMs: 10_000, pollMs: 10 },
      );
    await Promise.all([holder('a'), holder('b'), holder('c')]);
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i + 1]).toBe(events[i]!.replace(' in', ' out'));
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('releases the lock when the work fails', async () => {
    const lockFile = join(dir, 'x.lock');
    const failing = withFileLock(lockFile, () => Promise.reject(new Error('boom')), {
      timeoutMs: 1_000,
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over the lock of a dead holder', async () => {
    const lockFile = join(dir, 'x.lock');
    await writeFile(lockFile, '999999999\n');
    expect(await withFileLock(lockFile, () => Promise.resolve('done'), { timeoutMs: 1_000 })).toBe(
      'done',
    );
  });

  it('gives up in time while a live process holds it', async () => {
    const lockFile = join(dir, 'x.lock');
    await writeFile(lockFile, `${process.ppid}\n`);
    const error = await withFileLock(lockFile, () => Promise.resolve(), {
      timeoutMs: 200,
      pollMs: 20,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error).toMatchObject({ code: 'LOCK_TIMEOUT', holderPid: process.ppid });
  });
});
