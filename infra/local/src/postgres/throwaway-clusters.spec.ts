import { spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThrowawayCluster, reapAbandonedClusters } from './throwaway-clusters.js';

let parent: string;
beforeEach(async () => {
  parent = path.join(await mkdtemp(path.join(os.tmpdir(), 'tessera-reap-')), 'clusters');
});
afterEach(async () => {
  await rm(path.dirname(parent), { recursive: true, force: true });
});

/** The pid of a process that has exited (it ran to completion before this returns). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

async function clusterWithOwner(name: string, owner: object | undefined): Promise<string> {
  const folder = path.join(parent, name);
  await mkdir(path.join(folder, 'data'), { recursive: true });
  if (owner !== undefined) await writeFile(path.join(folder, 'owner.json'), JSON.stringify(owner));
  return folder;
}

describe('createThrowawayCluster', () => {
  it('records this process as owner in a folder others can enter', async () => {
    const cluster = await createThrowawayCluster(parent);
    const owner = JSON.parse(await readFile(path.join(cluster.folder, 'owner.json'), 'utf8')) as {
      pid: number;
    };
    expect(owner.pid).toBe(process.pid);
    expect((await lstat(cluster.folder)).mode & 0o777).toBe(0o755);
    expect((await lstat(parent)).mode & 0o777).toBe(0o755);
    expect(path.dirname(cluster.dataDir)).toBe(cluster.folder);
  });
});

describe('reapAbandonedClusters', () => {
  it('deletes clusters whose owner is dead and keeps those of live owners', async () => {
    const abandoned = await clusterWithOwner('cluster-dead', { pid: deadPid(), createdAt: '' });
    await clusterWithOwner('cluster-alive', { pid: process.pid, createdAt: '' });

    expect(await reapAbandonedClusters(parent)).toEqual([abandoned]);
    expect(await readdir(parent)).toEqual(['cluster-alive']);
  });

  it('leaves a cluster without an owner file alone while it may still be being created', async () => {
    const young = await clusterWithOwner('cluster-young', undefined);
    const old = await clusterWithOwner('cluster-old', undefined);
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await utimes(old, longAgo, longAgo);

    expect(await reapAbandonedClusters(parent)).toEqual([old]);
    await expect(lstat(young)).resolves.toBeDefined();
  });

  it('finds nothing to do when the parent folder does not exist', async () => {
    expect(await reapAbandonedClusters(path.join(parent, 'missing'))).toEqual([]);
  });
});
