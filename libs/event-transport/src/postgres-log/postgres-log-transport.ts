import type pg from 'pg';
import {
  listenForNotifications,
  migrate,
  type MigrationResult,
  type NotificationListener,
} from '@tessera/postgres';
import { describeError } from '../errors/transient-errors.js';
import { type Logger, silentLogger } from '../logger.js';
import type { EventTransport, OutgoingMessage } from '../port.js';
import type { BackoffPolicy } from '../retry/backoff.js';
import { TransportSubscriptions } from '../supervisor/transport-subscriptions.js';
import { startLogConsumerRun } from './log-consumer.js';
import { appendToLog } from './log-publisher.js';
import { defaultLogSchema, logMigrations, logTables } from './log-schema.js';

export interface PostgresLogTransportOptions {
  /** For publishing and dead-lettering; the caller owns it (the transport never ends it). */
  readonly pool: pg.Pool;
  /** For the dedicated connections: notifications and one per subscription (its group lock). */
  readonly connectionString: string;
  readonly schema?: string;
  readonly logger?: Logger;
  /** Longest wait between polls when no notification arrives; also a standby's lock retry. */
  readonly pollIntervalMs?: number;
  /** Messages read per query. */
  readonly batchSize?: number;
  /** Waits between consumer restarts after consecutive crashes. */
  readonly restartBackoff?: BackoffPolicy;
}

export interface PostgresLogTransport extends EventTransport {
  readonly name: 'postgres';
  readonly schema: string;
  /** Creates or upgrades the log's tables; run once before publishing or subscribing. */
  migrate(): Promise<MigrationResult>;
}

/**
 * The Postgres-log adapter of `EventTransport`, for one machine (standalone mode): topics are
 * rows of one commit-safe log table; subscribers read it after their group's offset. One
 * member per (group, topic) is active at a time; the others stand by and take over.
 */
export function createPostgresLogTransport(
  options: PostgresLogTransportOptions,
): PostgresLogTransport {
  const schema = options.schema ?? defaultLogSchema;
  const tables = logTables(schema);
  const logger = options.logger ?? silentLogger;
  const wakers = new Set<() => void>();
  const subscriptions = new TransportSubscriptions('postgres', logger, options.restartBackoff);
  let listener: Promise<NotificationListener> | undefined;

  /** One LISTEN connection per transport wakes every local consumer. */
  const ensureListening = (): Promise<NotificationListener> => {
    if (!listener) {
      const listening = listenForNotifications({
        connectionString: options.connectionString,
        channel: tables.channel,
        onNotify: () => {
          wakers.forEach((wake) => {
            wake();
          });
        },
        onError: (error) => {
          logger.warn('log notification connection failed; reconnecting', {
            error: describeError(error),
          });
        },
      });
      listener = listening;
      listening.catch(() => {
        if (listener === listening) {
          listener = undefined;
        }
      });
    }
    return listener;
  };

  const publish = async (topic: string, messages: readonly OutgoingMessage[]): Promise<void> => {
    subscriptions.assertOpen();
    await appendToLog(options.pool, tables, topic, messages);
  };

  return {
    name: 'postgres',
    schema,
    migrate: () => migrate(options.pool, schema, logMigrations),
    publish,

    subscribe: (subscriptionOptions) =>
      subscriptions.subscribe(subscriptionOptions, async (subscription) => {
        await ensureListening();
        return startLogConsumerRun({
          connectionString: options.connectionString,
          tables,
          subscription,
          deadLetter: (message) =>
            appendToLog(options.pool, tables, subscription.deadLetterTopic, [message]),
          logger,
          pollIntervalMs: options.pollIntervalMs ?? 500,
          batchSize: options.batchSize ?? 100,
          onNotification: (wake) => {
            wakers.add(wake);
            return () => wakers.delete(wake);
          },
        });
      }),

    async close(): Promise<void> {
      await subscriptions.closeAll();
      const listening = listener;
      listener = undefined;
      await (await listening?.catch(() => undefined))?.close();
    },
  };
}
