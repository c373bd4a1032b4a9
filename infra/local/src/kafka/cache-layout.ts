import { join } from 'node:path';
import { readKafkaEnvironment } from './kafka-env.js';

/**
 * Where the local Kafka runner keeps its files: `<cache root>/kafka` (see `readKafkaEnvironment`
 * for the root). Inside it:
 *
 *     <version>/jars/     the broker's class path, complete or absent (moved in by one rename)
 *     <version>/fetch.lock, <version>/.fetch-*   a download in progress
 *     m2/                 Maven's local repository (so later downloads of other versions are fast)
 *     brokers/            one record per running broker, to reap brokers of killed runs
 */
export function kafkaCacheDir(): string {
  return join(readKafkaEnvironment().cacheRoot, 'kafka');
}

export interface DistributionLayout {
  versionDir: string;
  jarsDir: string;
  lockFile: string;
  mavenRepository: string;
}

export function distributionLayout(cacheDir: string, version: string): DistributionLayout {
  const versionDir = join(cacheDir, version);
  return {
    versionDir,
    jarsDir: join(versionDir, 'jars'),
    lockFile: join(versionDir, 'fetch.lock'),
    mavenRepository: join(cacheDir, 'm2'),
  };
}

/** Prefix of the temporary folders a download fills before it is renamed into place. */
export const FETCH_TEMP_PREFIX = '.fetch-';

export function brokerRecordsDir(cacheDir: string): string {
  return join(cacheDir, 'brokers');
}
