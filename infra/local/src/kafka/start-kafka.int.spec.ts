import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessRunning } from '../process/index.js';
import { startKafka, type LocalKafka } from './index.js';
import { consumeFirst, produceOne, testClient } from './test-support/kafka-clients.js';

// Each test starts and stops its own broker; none uses a shared one.
describe('startKafka', () => {
  let workDir: string;
  let recordsDir: string;
  const started: LocalKafka[] = [];
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'tessera-kafka-int-'));
    recordsDir = join(workDir, 'records');
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((kafka) => kafka.stop()));
    await rm(workDir, { recursive: true, force: true });
  });

  it('runs a broker that delivers what an idempotent producer sends, and stops without a trace', async () => {
    const kafka = await startKafka({ recordsDir });
    started.push(kafka);
    expect(kafka.brokers).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+$/)]);
    expect(kafka.version).toBe('4.4.0');
    expect(await readdir(recordsDir)).toEqual([`${kafka.pid}.json`]);
    // A process group of its own (field 5 of /proc/<pid>/stat): Ctrl-C does not reach it.
    const fields = (await readFile(`/proc/${kafka.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ');
    expect(fields?.[2]).toBe(String(kafka.pid));

    const client = testClient(kafka.brokers);
    await produceOne(client, 'tessera.local.roundtrip.v1', 'hello');
    expect(await consumeFirst(client, 'tessera.local.roundtrip.v1')).toBe('hello');
    expect((await stat(kafka.logFile)).size).toBeGreaterThan(0);

    await kafka.stop();
    expect(await isProcessRunning(kafka.pid)).toBe(false);
    // It shut down on SIGTERM by itself (the JVM exits 128 + 15), without needing SIGKILL.
    expect(await kafka.exited).toEqual({ exitCode: 143, signal: null });
    await expect(stat(kafka.dataDir)).rejects.toThrow(/ENOENT/);
    expect(await readdir(recordsDir)).toEqual([]);
    await kafka.stop();
  }, 180_000);

  it('keeps a given data folder, and a restarted broker still has its messages', async () => {
    const dataDir = join(workDir, 'data');
    const first = await startKafka({ recordsDir, dataDir });
    started.push(first);
    expect(first.dataDir).toBe(dataDir);
    await produceOne(testClient(first.brokers), 'tessera.local.durable.v1', 'kept');
    await first.stop();
    expect(await readdir(dataDir)).toEqual(
      expect.arrayContaining(['broker.log', 'kraft-logs', 'server.properties']),
    );

    const second = await startKafka({ recordsDir, dataDir });
    started.push(second);
    expect(await consumeFirst(testClient(second.brokers), 'tessera.local.durable.v1')).toBe('kept');
  }, 240_000);
});
