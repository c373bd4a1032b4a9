import { execFile } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessRunning } from '../process/index.js';
import { type LocalPostgres, startPostgres, UNPRIVILEGED } from './index.js';

const started: LocalPostgres[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((postgres) => postgres.stop()));
});

async function start(): Promise<LocalPostgres> {
  const postgres = await startPostgres();
  started.push(postgres);
  return postgres;
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function uidOfProcess(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'uid=', '-p', String(pid)]);
  return Number(stdout.trim());
}

describe('a throwaway cluster', () => {
  it('answers queries on 127.0.0.1 as user postgres, and stop removes its process and folder', async () => {
    const postgres = await start();
    expect(postgres.mode).toBe('throwaway');
    expect(postgres.url).toBe(`postgres://postgres@127.0.0.1:${postgres.port}/postgres`);

    const result = await query(
      postgres.url,
      `SELECT current_user AS "user", current_setting('server_version_num')::int AS version,
              current_setting('fsync') AS fsync, current_setting('listen_addresses') AS listen`,
    );
    const [row] = result.rows as { user: string; version: number; fsync: string; listen: string }[];
    expect(row).toMatchObject({ user: 'postgres', fsync: 'off', listen: '127.0.0.1' });
    expect(row?.version).toBeGreaterThanOrEqual(170000);

    await postgres.stop();
    expect(await isProcessRunning(postgres.pid)).toBe(false);
    await expect(lstat(path.dirname(postgres.dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(query(postgres.url, 'SELECT 1')).rejects.toThrow();
  });

  it('runs as the unprivileged user when started by root, else as the current user', async () => {
    const postgres = await start();
    const currentUid = process.getuid?.();
    const expectedUid = currentUid === 0 ? UNPRIVILEGED.uid : currentUid;
    expect(postgres.runAs).toEqual(currentUid === 0 ? UNPRIVILEGED : undefined);
    expect(await uidOfProcess(postgres.pid)).toBe(expectedUid);
    expect((await lstat(postgres.dataDir)).uid).toBe(expectedUid);
  });

  it('gives two clusters started side by side their own ports and folders', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    expect(first.port).not.toBe(second.port);
    expect(first.dataDir).not.toBe(second.dataDir);
    await query(first.url, 'CREATE TABLE only_in_first (id int)');
    await expect(query(second.url, 'SELECT * FROM only_in_first')).rejects.toThrow(
      /does not exist/,
    );
  });
});
