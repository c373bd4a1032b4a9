import {
  createKafkaTransport,
  createPostgresLogTransport,
  type EventTransport,
  type Logger,
} from '@tessera/event-transport';
import type pg from 'pg';
import type { GatewayConfig } from './gateway-config.js';

/**
 * Where the gateway reads the services' events: Kafka when brokers are configured, else the
 * Postgres log in its own database (standalone: the services publish to the same database).
 */
export async function openGatewayTransport(
  config: GatewayConfig,
  pool: pg.Pool,
  logger: Logger,
): Promise<EventTransport> {
  if (config.kafkaBrokers !== undefined) {
    return createKafkaTransport({
      brokers: config.kafkaBrokers,
      clientId: 'tessera-gateway',
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
