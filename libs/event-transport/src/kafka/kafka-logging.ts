import kafkajs, { type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from '../logger.js';

const { logLevel } = kafkajs;

/**
 * Routes kafkajs's own logs to the `Logger` port, one level down: kafkajs logs as ERROR what it
 * retries by itself (a fresh broker's coordinator is "loading" for a while), and every real
 * failure reaches the supervisor, which logs it. INFO chatter (joins, commits) becomes debug.
 */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, ...fields } = log;
      const entry = { kafkaNamespace: namespace, ...fields };
      switch (level) {
        case logLevel.ERROR:
        case logLevel.WARN:
          logger.warn(`kafkajs: ${message}`, entry);
          return;
        case logLevel.INFO:
        case logLevel.DEBUG:
          logger.debug(`kafkajs: ${message}`, entry);
          return;
        case logLevel.NOTHING:
          return;
      }
    };
}

/** kafkajs's level threshold: INFO and above reach the creator. */
export const kafkaLogLevel = logLevel.INFO;
