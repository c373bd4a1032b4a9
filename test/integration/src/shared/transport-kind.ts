import {
  createKafkaTransport,
  createPostgresLogTransport,
  type EventTransport,
  type Logger,
} from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';

/** The two adapters of `EventTransport`; every scenario runs against both. */
export type TransportKind = 'kafka' | 'postgres';

export const transportKinds: readonly TransportKind[] = ['kafka', 'postgres'];

/** What a process needs to reach the transport of a scenario. */
export interface TransportSettings {
  readonly transport: TransportKind;
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** The Postgres log's schema (used by the `postgres` transport only). */
  readonly logSchema: string;
}

export interface ConnectedTransport {
  readonly transport: EventTransport;
  /** Closes the transport and what was opened for it. */
  close(): Promise<void>;
}

/** Consumers restart quickly after a crash, so a scenario does not wait on backoffs. */
const restartBackoff = { initialBackoffMs: 100, maxBackoffMs: 1_000 };

/**
 * Opens the scenario's transport in this process. The Postgres log is migrated (idempotent and
 * safe to run concurrently), so any process may be the first one to use it.
 */
export async function connectTransport(
  settings: TransportSettings,
  clientId: string,
  logger: Logger,
): Promise<ConnectedTransport> {
  switch (settings.transport) {
    case 'kafka': {
      const transport = createKafkaTransport({
        brokers: settings.kafkaBrokers,
        clientId,
        logger,
        restartBackoff,
        // The broker's minimum: a killed consumer's partitions move on after 6 s, not 30 s.
        sessionTimeoutMs: 6_000,
        // One partition at a time, so that "the kill lands after the 110th effect" is exact.
        partitionsConsumedConcurrently: 1,
      });
      return { transport, close: () => transport.close() };
    }
    case 'postgres': {
      const pool = createPool({
        connectionString: settings.databaseUrl,
        max: 4,
        applicationName: clientId.slice(0, 63),
      });
      const transport = createPostgresLogTransport({
        pool,
        connectionString: settings.databaseUrl,
        schema: settings.logSchema,
        logger,
        pollIntervalMs: 100,
        restartBackoff,
      });
      await transport.migrate();
      return {
        transport,
        close: async () => {
          await transport.close();
          await pool.end();
        },
      };
    }
  }
}
