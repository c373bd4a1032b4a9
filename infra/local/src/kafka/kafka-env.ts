import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The environment variables the local Kafka runner reads; the only place in it that reads
 * `process.env`. Every value can also be given as an option, which wins.
 *
 * - `TESSERA_CACHE_DIR`: root of Tessera's download cache. Else `$XDG_CACHE_HOME/tessera`, else
 *   `~/.cache/tessera`. Kafka lives in `<root>/kafka`.
 * - `TESSERA_KAFKA_VERSION`: the Apache Kafka release to run (4.x); default 4.4.0.
 * - `JAVA_HOME`: when set, the JDK's `bin/java` is used instead of `java` from PATH.
 */
export interface KafkaEnvironment {
  cacheRoot: string;
  kafkaVersion: string | undefined;
  javaCommand: string | undefined;
}

export function readKafkaEnvironment(env: NodeJS.ProcessEnv = process.env): KafkaEnvironment {
  return {
    cacheRoot: resolveCacheRoot(env),
    kafkaVersion: nonEmpty(env.TESSERA_KAFKA_VERSION),
    javaCommand: withJavaHome(nonEmpty(env.JAVA_HOME)),
  };
}

function resolveCacheRoot(env: NodeJS.ProcessEnv): string {
  const explicit = nonEmpty(env.TESSERA_CACHE_DIR);
  if (explicit !== undefined) return resolve(explicit);
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const xdg = nonEmpty(env.XDG_CACHE_HOME);
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'tessera');
  return join(homedir(), '.cache', 'tessera');
}

function withJavaHome(javaHome: string | undefined): string | undefined {
  return javaHome === undefined ? undefined : join(javaHome, 'bin', 'java');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
