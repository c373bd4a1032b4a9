/**
 * The local Apache Kafka runner: downloads a 4.x broker from Maven Central once into a cache and
 * runs single-node KRaft brokers with the JDK on loopback, for tests, benchmarks and distributed
 * mode on a machine without Docker. See README.md in this folder.
 */
export { kafkaCacheDir } from './cache-layout.js';
export {
  ensureKafkaDistribution,
  type KafkaDistribution,
  type KafkaDistributionOptions,
} from './distribution.js';
export {
  InvalidKafkaOptionsError,
  KafkaExitedDuringStartupError,
  KafkaFetchError,
  KafkaStartTimeoutError,
  LocalKafkaError,
  MissingPrerequisiteError,
  type LocalKafkaErrorCode,
} from './errors.js';
export { DEFAULT_KAFKA_VERSION } from './kafka-version.js';
export { quietKafkaLogCreator, quietKafkaLogging } from './quiet-kafkajs.js';
export { type LocalKafka, type StartKafkaOptions } from './local-kafka.js';
export { startKafka } from './start-kafka.js';
export { type BrokerRecord, type ReapReport } from './broker-records.js';
export { reapOrphanedKafkaBrokers, type ReapOptions } from './reap.js';
