import {
  createKafkaTransport,
  createPostgresLogTransport,
  type EventTransport,
  type Logger,
} from '@tessera/event-transport';
import type pg from 'pg';
import type { InventoryConfig } from './inventory-config.js';

/**
 * The service's transport: Kafka when brokers are configured, else the Postgres log in the
 * service's own database (standalone: the composer reads the inventory topic from that same
 * log, and fleet's reports arrive there).
 */
export async function openServiceTransport(
  config: InventoryConfig,
  pool: pg.Pool,
  logger: Logger,
): Promise<EventTransport> {
  if (config.kafkaBrokers !== undefined) {
    return createKafkaTransport({
      brokers: config.kafkaBrokers,
      clientId: 'tessera-inventory',
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
