import { InvalidKafkaOptionsError } from './errors.js';

/** The Apache Kafka release the runner uses unless told otherwise. */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

/**
 * log4j-core's version in each known Kafka release. The broker logs through slf4j 1.7, so the
 * binding `log4j-slf4j-impl` must match it (NOTES.md). Releases not listed here are resolved by
 * asking Maven for Kafka's dependencies first.
 */
const LOG4J_VERSION_BY_KAFKA_VERSION: Readonly<Record<string, string>> = {
  '4.1.1': '2.24.3',
  '4.4.0': '2.25.5',
};

export function knownLog4jVersion(kafkaVersion: string): string | undefined {
  return LOG4J_VERSION_BY_KAFKA_VERSION[kafkaVersion];
}

/**
 * Checks that `version` is a 4.x release number. Only 4.x is supported: 3.x needs another
 * logging binding and the ZooKeeper-era settings.
 */
export function assertSupportedKafkaVersion(version: string): void {
  if (!/^4\.\d+\.\d+$/.test(version)) {
    throw new InvalidKafkaOptionsError(
      `Kafka version "${version}" is not supported: give a 4.x release such as ${DEFAULT_KAFKA_VERSION}`,
    );
  }
}
