import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFreePorts } from '../process/index.js';
import { KafkaExitedDuringStartupError, MissingPrerequisiteError, startKafka } from './index.js';
import { environmentWithPath } from './test-support/test-env.js';

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

describe('startKafka when the broker cannot start', () => {
  let workDir: string;
  let recordsDir: string;
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'tessera-kafka-fail-'));
    recordsDir = join(workDir, 'records');
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('reports a broker that exits at start-up with its log, not after the deadline', async () => {
    const [port = 0] = await findFreePorts(1);
    const squatter = await occupy(port);
    try {
      const dataDir = join(workDir, 'data');
      // The deadline is far beyond the test's own timeout: only the exit can end the wait.
      const error = await startKafka({
        port,
        dataDir,
        recordsDir,
        readyTimeoutMs: 3_600_000,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KafkaExitedDuringStartupError);
      const failure = error as KafkaExitedDuringStartupError;
      expect(failure).toMatchObject({ code: 'KAFKA_EXITED_DURING_STARTUP', stage: 'broker' });
      expect(failure.firstError).toContain(`127.0.0.1:${port}: Address already in use`);
      expect(failure.logFile).toBe(join(dataDir, 'broker.log'));
      expect(failure.logTail.split('\n').length).toBeGreaterThan(5);
      expect(failure.message).toContain('--- end of the log ---');
      expect(await readdir(recordsDir)).toEqual([]);
    } finally {
      squatter.close();
    }
  }, 180_000);

  it('reports an invalid setting found while formatting, and removes the temporary folder', async () => {
    const error = await startKafka({ recordsDir, properties: { 'node.id': 'not-a-number' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(KafkaExitedDuringStartupError);
    const failure = error as KafkaExitedDuringStartupError;
    expect(failure.stage).toBe('storage-format');
    expect(failure.firstError).toContain('ConfigException: Invalid value not-a-number');
    expect(failure.logTail).toContain('Invalid value not-a-number');
    expect(failure.logFile).toBeUndefined();
    expect(failure.message).toContain('pass a data folder to keep the whole log');
  }, 180_000);

  it('without java, fails at once with what to install', async () => {
    const error = await startKafka({
      recordsDir,
      javaCommand: 'java',
      env: environmentWithPath(join(workDir, 'empty')),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingPrerequisiteError);
    expect(error).toMatchObject({ code: 'MISSING_PREREQUISITE', prerequisite: 'java' });
    expect((error as Error).message).toContain(
      'install a JDK 17+ (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME to one, or set KAFKA_BROKERS to an existing broker',
    );
  });
});
