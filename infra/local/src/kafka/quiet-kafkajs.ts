import { logLevel, type logCreator } from 'kafkajs';

/**
 * A kafkajs log creator that drops every entry. The runner's own clients only probe readiness,
 * and a starting broker makes kafkajs log connection errors that are expected and retried.
 */
export const quietKafkaLogCreator: logCreator = () => () => undefined;

/** Client options that keep kafkajs silent: pass them to `new Kafka({ ...quietKafkaLogging })`. */
export const quietKafkaLogging = { logLevel: logLevel.NOTHING, logCreator: quietKafkaLogCreator };
