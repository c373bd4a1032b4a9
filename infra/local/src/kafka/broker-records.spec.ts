import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessRunning, stopChildProcess, watchChildExit } from '../process/index.js';
import {
  parseRecord,
  reapOrphanedBrokers,
  writeBrokerRecord,
  type BrokerRecord,
} from './broker-records.js';

async function deadPid(): Promise<number> {
  const child = spawn('true');
  await watchChildExit(child);
  return child.pid!;
}

describe('reapOrphanedBrokers', () => {
  let recordsDir: string;
  let dataDir: string;
  beforeEach(async () => {
    recordsDir = await mkdtemp(join(tmpdir(), 'tessera-kafka-records-'));
    dataDir = await mkdtemp(join(tmpdir(), 'tessera-kafka-data-'));
  });
  afterEach(async () => {
    await rm(recordsDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  const record = (overrides: Partial<BrokerRecord>): BrokerRecord => ({
    pid: 1,
    ownerPid: process.pid,
    dataDir,
    propertiesFile: join(dataDir, 'server.properties'),
    temporaryDataDir: true,
    startedAt: new Date().toISOString(),
    ...overrides,
  });

  it('never signals a reused pid: a live process that is not that broker is left alone', async () => {
    const stranger = spawn('sleep', ['30']);
    const strangerExited = watchChildExit(stranger);
    try {
      await writeBrokerRecord(
        recordsDir,
        record({ pid: stranger.pid!, ownerPid: await deadPid() }),
      );
      const report = await reapOrphanedBrokers(recordsDir, { stopTimeoutMs: 5_000 });
      expect(report.stopped).toEqual([]);
      expect(report.forgotten.map((forgotten) => forgotten.pid)).toEqual([stranger.pid]);
      expect(await isProcessRunning(stranger.pid!)).toBe(true);
      expect(await readdir(recordsDir)).toEqual([]);
      await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
    } finally {
      await stopChildProcess(stranger, strangerExited, { graceMs: 5_000 });
    }
  });

  it('keeps brokers whose owner still runs', async () => {
    await writeBrokerRecord(recordsDir, record({ pid: await deadPid() }));
    const report = await reapOrphanedBrokers(recordsDir, { stopTimeoutMs: 5_000 });
    expect(report).toEqual({ stopped: [], forgotten: [] });
    expect(await readdir(recordsDir)).toHaveLength(1);
    expect((await stat(dataDir)).isDirectory()).toBe(true);
  });

  it('keeps a data folder the caller gave', async () => {
    await mkdir(join(dataDir, 'kraft-logs'));
    const given = record({
      pid: await deadPid(),
      ownerPid: await deadPid(),
      temporaryDataDir: false,
    });
    await writeBrokerRecord(recordsDir, given);
    await reapOrphanedBrokers(recordsDir, { stopTimeoutMs: 5_000 });
    expect(await readdir(dataDir)).toEqual(['kraft-logs']);
  });
});

describe('parseRecord', () => {
  it('accepts what writeBrokerRecord writes and nothing else', () => {
    const valid = {
      pid: 10,
      ownerPid: 11,
      dataDir: '/d',
      propertiesFile: '/d/server.properties',
      temporaryDataDir: false,
      startedAt: '2026-11-23T05:00:00.000Z',
    };
    expect(parseRecord(JSON.stringify(valid))).toEqual(valid);
    expect(parseRecord(JSON.stringify({ ...valid, pid: -1 }))).toBeUndefined();
    expect(parseRecord(JSON.stringify({ ...valid, dataDir: 3 }))).toBeUndefined();
    expect(parseRecord('{"pid":')).toBeUndefined();
    expect(parseRecord('null')).toBeUndefined();
  });
});
