import { describeCommandResult, runCommand, type CommandResult } from '../process/index.js';
import { MissingPrerequisiteError } from './errors.js';

/** The oldest JDK that runs a Kafka 4 broker. */
export const MINIMUM_JAVA_VERSION = 17;

const PROBE_TIMEOUT_MS = 30_000;

export interface PrerequisiteProbeOptions {
  env?: NodeJS.ProcessEnv;
}

/**
 * Fails with `MissingPrerequisiteError` unless `javaCommand -version` answers with Java 17 or
 * newer. Run before anything else, so that a missing JDK is one clear message.
 */
export async function requireJava(
  javaCommand: string,
  options: PrerequisiteProbeOptions = {},
): Promise<void> {
  const result = await runCommand(javaCommand, ['-version'], {
    env: options.env,
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  const major = result.outcome === 'exited' ? parseJavaMajorVersion(result.output) : undefined;
  if (result.outcome === 'exited' && result.exitCode === 0 && major !== undefined) {
    if (major >= MINIMUM_JAVA_VERSION) return;
    throw new MissingPrerequisiteError(
      'java',
      missingJavaMessage(`${javaCommand} is Java ${major}`),
    );
  }
  throw new MissingPrerequisiteError(
    'java',
    missingJavaMessage(`\`${javaCommand} -version\` ${describeProbe(result)}`),
  );
}

/** Fails with `MissingPrerequisiteError` unless `mavenCommand -v` answers. */
export async function requireMaven(
  mavenCommand: string,
  purpose: string,
  options: PrerequisiteProbeOptions = {},
): Promise<void> {
  const result = await runCommand(mavenCommand, ['-v'], {
    env: options.env,
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  if (result.outcome === 'exited' && result.exitCode === 0) return;
  throw new MissingPrerequisiteError(
    'maven',
    missingMavenMessage(`\`${mavenCommand} -v\` ${describeProbe(result)}`, purpose),
  );
}

export function missingJavaMessage(finding: string): string {
  return (
    `Kafka needs a JDK ${MINIMUM_JAVA_VERSION}+ but ${finding}: ` +
    `install a JDK ${MINIMUM_JAVA_VERSION}+ (Debian: apt-get install openjdk-17-jre-headless) ` +
    'or set JAVA_HOME to one, or set KAFKA_BROKERS to an existing broker'
  );
}

export function missingMavenMessage(finding: string, purpose: string): string {
  return (
    `Maven is needed once to ${purpose}, but ${finding}: install Maven (Debian: apt-get install ` +
    'maven), or set TESSERA_CACHE_DIR to a cache that already holds it, or set KAFKA_BROKERS ' +
    'to an existing broker'
  );
}

/** The major version in `java -version` output: `"17.0.15"` → 17, `"1.8.0_402"` → 8. */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (match?.[1] === undefined) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function describeProbe(result: CommandResult): string {
  if (result.outcome === 'not-found') return 'found no such program on PATH';
  const detail = describeCommandResult(result);
  const firstLine = result.outcome === 'exited' ? result.output.trim().split('\n')[0] : undefined;
  return firstLine === undefined || firstLine === '' ? detail : `${detail}: ${firstLine}`;
}
