import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureKafkaDistribution } from './distribution.js';
import { InvalidKafkaOptionsError, KafkaFetchError, MissingPrerequisiteError } from './errors.js';
import { createFakeMaven, type FakeMaven } from './test-support/fake-maven.js';
import { environmentWith, environmentWithPath } from './test-support/test-env.js';

// The download machinery with a stand-in for Maven: no network. The real download is covered by
// distribution.int.spec.ts.
describe('ensureKafkaDistribution', () => {
  let cacheDir: string;
  let maven: FakeMaven;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'tessera-kafka-cache-'));
    maven = await createFakeMaven();
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await maven.remove();
  });

  it('downloads once into <cache>/<version>/jars, then reuses it without Maven', async () => {
    const first = await ensureKafkaDistribution({ cacheDir, mavenCommand: maven.command });
    expect(first).toEqual({
      version: '4.4.0',
      jarsDir: join(cacheDir, '4.4.0', 'jars'),
      fetched: true,
    });
    expect((await readdir(first.jarsDir)).sort()).toEqual([
      'kafka_2.13-4.4.0.jar',
      'log4j-core-2.99.1.jar',
      'log4j-slf4j-impl-2.25.5.jar',
    ]);
    const again = await ensureKafkaDistribution({
      cacheDir,
      mavenCommand: '/no/such/mvn',
      env: environmentWithPath(cacheDir),
    });
    expect(again).toEqual({ ...first, fetched: false });
    expect(await maven.calls()).toBe(1);
    expect(await readdir(join(cacheDir, '4.4.0'))).toEqual(['jars']);
  });

  it('lets one of two concurrent downloads run and the other reuse its result', async () => {
    const options = {
      cacheDir,
      mavenCommand: maven.command,
      env: environmentWith({ FAKE_MVN_DELAY: '1' }),
    };
    const results = await Promise.all([
      ensureKafkaDistribution(options),
      ensureKafkaDistribution(options),
    ]);
    expect(results.map((result) => result.fetched).sort()).toEqual([false, true]);
    expect(await maven.calls()).toBe(1);
  });

  it('asks Maven for log4j-core first for a release it does not know', async () => {
    const result = await ensureKafkaDistribution({
      cacheDir,
      version: '4.9.0',
      mavenCommand: maven.command,
    });
    expect(await readdir(result.jarsDir)).toContain('log4j-slf4j-impl-2.99.1.jar');
    expect(await maven.calls()).toBe(2);
  });

  it('leaves no partial cache when Maven fails, and says so with its output', async () => {
    const options = {
      cacheDir,
      mavenCommand: maven.command,
      env: environmentWith({ FAKE_MVN_FAIL: '1' }),
    };
    const error = await ensureKafkaDistribution(options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KafkaFetchError);
    expect((error as Error).message).toContain('[ERROR] Could not transfer artifact (fake)');
    expect(await readdir(join(cacheDir, '4.4.0'))).toEqual([]);
  });

  it('removes what a killed download left behind', async () => {
    await mkdir(join(cacheDir, '4.4.0', '.fetch-abc123', 'jars'), { recursive: true });
    await writeFile(join(cacheDir, '4.4.0', 'fetch.lock'), '999999999\n');
    await ensureKafkaDistribution({ cacheDir, mavenCommand: maven.command });
    expect(await readdir(join(cacheDir, '4.4.0'))).toEqual(['jars']);
  });

  it('needs Maven only when the cache is empty, and then says how to get it', async () => {
    const error = await ensureKafkaDistribution({
      cacheDir,
      env: environmentWithPath(cacheDir),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingPrerequisiteError);
    expect((error as Error).message).toContain('install Maven (Debian: apt-get install maven)');
  });

  it('refuses a release that is not 4.x', async () => {
    await expect(ensureKafkaDistribution({ cacheDir, version: '3.9.1' })).rejects.toThrow(
      InvalidKafkaOptionsError,
    );
  });
});
