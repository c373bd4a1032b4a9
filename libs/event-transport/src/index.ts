export type { EventEnvelope } from './envelope.js';
export { silentLogger, type Logger } from './logger.js';
export {
  deadLetterTopicFor,
  defaultMaxBatchSize,
  defaultRetryPolicy,
  type BatchHandler,
  type BatchSubscriptionOptions,
  type DeliveredMessage,
  type EventTransport,
  type MessageHandler,
  type MessageSubscriptionOptions,
  type OutgoingMessage,
  type RetryPolicy,
  type Subscription,
  type SubscriptionOptions,
  type SubscriptionState,
  type SubscriptionStatus,
} from './port.js';
export {
  describeError,
  isTransientInfrastructureError,
  TransientInfrastructureError,
} from './errors/transient-errors.js';
export { TransportClosedError } from './errors/transport-closed-error.js';
export { InvalidTransportOptionsError } from './errors/invalid-transport-options-error.js';
export {
  assertValidRetryPolicy,
  backoffDelayMs,
  InvalidRetryPolicyError,
  minimumBackoffDelayMs,
  type BackoffPolicy,
} from './retry/backoff.js';
export { deadLetterHeaders } from './delivery/dead-letter.js';
export { eventHeaders } from './delivery/message-headers.js';
export { InvalidSubscriptionError } from './delivery/subscription-options.js';
export { defaultRestartBackoff } from './supervisor/consumer-supervisor.js';
export {
  createKafkaTransport,
  defaultTopicDefaults,
  type KafkaTransport,
  type KafkaTransportOptions,
} from './kafka/kafka-transport.js';
export type { TopicDefaults } from './kafka/kafka-topics.js';
export {
  createPostgresLogTransport,
  type PostgresLogTransport,
  type PostgresLogTransportOptions,
} from './postgres-log/postgres-log-transport.js';
export { defaultLogSchema, logMigrations } from './postgres-log/log-schema.js';
export { logConsumerApplicationName } from './postgres-log/log-consumer.js';
