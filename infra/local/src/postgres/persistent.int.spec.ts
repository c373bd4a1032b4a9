import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessRunning } from '../process/index.js';
import { type LocalPostgres, startPostgres } from './index.js';
import { startClusterThenKillOwner } from './test-support/owner-process.js';
import { throwawayParentFolder } from './throwaway-clusters.js';

let folder: string;
const started: LocalPostgres[] = [];

beforeEach(async () => {
  // Under the temp folder, which every user can enter: as root the server runs as nobody.
  folder = await mkdtemp(path.join(os.tmpdir(), 'tessera-pg-spec-'));
  await chmod(folder, 0o755);
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((postgres) => postgres.stop()));
  await rm(folder, { recursive: true, force: true });
});

async function start(dataDir?: string): Promise<LocalPostgres> {
  const postgres = await startPostgres(dataDir === undefined ? {} : { dataDir });
  started.push(postgres);
  return postgres;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('a persistent cluster', () => {
  it('keeps its data across stop and start, with durable settings', async () => {
    const dataDir = path.join(folder, 'data');
    const first = await start(dataDir);
    expect(first.mode).toBe('persistent');
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    await first.stop();

    const second = await start(dataDir);
    expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    expect(await query(second.url, `SELECT current_setting('fsync') AS fsync`)).toEqual([
      { fsync: 'on' },
    ]);
  });

  it('recovers the data folder from a postmaster left running by an owner killed with SIGKILL', async () => {
    const dataDir = path.join(folder, 'data');
    const orphan = await startClusterThenKillOwner(['persistent', dataDir]);
    expect(await isProcessRunning(orphan.pid)).toBe(true);

    const postgres = await start(dataDir);
    expect(await isProcessRunning(orphan.pid)).toBe(false);
    expect(postgres.pid).not.toBe(orphan.pid);
    expect(await query(postgres.url, 'SELECT note FROM marker')).toEqual([
      { note: 'written before the owner was killed' },
    ]);
  }, 180_000);
});

describe('throwaway clusters of a killed owner', () => {
  it('are stopped and deleted by the next start', async () => {
    const orphan = await startClusterThenKillOwner(['throwaway']);
    const orphanFolder = path.dirname(orphan.dataDir);
    expect(path.dirname(orphanFolder)).toBe(throwawayParentFolder());
    expect(await isProcessRunning(orphan.pid)).toBe(true);

    await start();
    // The files of this project run at once, and every start reaps: another test's start may
    // be the one stopping the orphan, still waiting for it to exit when this start returns.
    await expect
      .poll(() => isProcessRunning(orphan.pid), { timeout: 30_000, interval: 100 })
      .toBe(false);
    const folderState = () =>
      stat(orphanFolder).then(
        () => 'present',
        (error: unknown) => (error as NodeJS.ErrnoException).code,
      );
    await expect.poll(folderState, { timeout: 30_000, interval: 100 }).toBe('ENOENT');
  }, 180_000);
});
