import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingPrerequisiteError } from './errors.js';
import { parseJavaMajorVersion, requireJava, requireMaven } from './prerequisites.js';
import { environmentWithPath } from './test-support/test-env.js';

describe('parseJavaMajorVersion', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajorVersion('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajorVersion('nothing useful')).toBeUndefined();
  });
});

describe('prerequisite checks', () => {
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'tessera-empty-path-'));
  });
  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
  });

  it('a missing java says which JDK to install, or to use an existing broker', async () => {
    const error = await requireJava('java', { env: environmentWithPath(emptyDir) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MissingPrerequisiteError);
    expect(error).toMatchObject({ code: 'MISSING_PREREQUISITE', prerequisite: 'java' });
    const { message } = error as Error;
    expect(message).toContain(
      'install a JDK 17+ (Debian: apt-get install openjdk-17-jre-headless)',
    );
    expect(message).toContain('set KAFKA_BROKERS to an existing broker');
    expect(message).toContain('`java -version` found no such program on PATH');
  });

  it('a java that is not a JDK is refused with its own words', async () => {
    const error = await requireJava('false').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MISSING_PREREQUISITE', prerequisite: 'java' });
    expect((error as Error).message).toContain('`false -version` exited with code 1');
  });

  it('a missing mvn says to install Maven and what it is needed for', async () => {
    const error = await requireMaven('mvn', 'download Apache Kafka 4.4.0 into /c', {
      env: environmentWithPath(emptyDir),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MISSING_PREREQUISITE', prerequisite: 'maven' });
    const { message } = error as Error;
    expect(message).toContain('Maven is needed once to download Apache Kafka 4.4.0 into /c');
    expect(message).toContain('install Maven (Debian: apt-get install maven)');
  });
});
