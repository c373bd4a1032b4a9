import {
  createKafkaTransport,
  createPostgresLogTransport,
  type EventTransport,
  type Logger,
} from '@tessera/event-transport';
import type pg from 'pg';
import type { ComposerConfig } from './composer-config.js';

/**
 * The service's transport: Kafka when brokers are configured, else the Postgres log in the
 * service's own database (standalone: the inventory's log is in the same database).
 */
export async function openServiceTransport(
  config: ComposerConfig,
  pool: pg.Pool,
  logger: Logger,
): Promise<EventTransport> {
  if (config.kafkaBrokers !== undefined) {
    return createKafkaTransport({
      brokers: config.kafkaBrokers,
      clientId: 'tessera-composer',
      logger,
    });
  }
  const transport = createPostgresLogTransport({
    pool,
    connectionString: config.databaseUrl,
    logger,
  });
  await transport.migrate();
  return transport;
}
