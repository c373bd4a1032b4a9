import { randomUUID } from 'node:crypto';
import { createPool } from '@tessera/postgres';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type { TransportContractFixture } from '../contract/transport-contract.js';
import { logConsumerApplicationName } from '../postgres-log/log-consumer.js';
import {
  createPostgresLogTransport,
  type PostgresLogTransport,
} from '../postgres-log/postgres-log-transport.js';
import { testLogger } from './test-logger.js';

export interface PostgresLogFixture extends TransportContractFixture {
  readonly database: TestDatabase;
  createTransport(): Promise<PostgresLogTransport>;
}

/**
 * A database of its own per spec file (from the test harness); each transport gets its own pool (like a separate process)
 * that closes with it. Short poll and restart intervals keep the specs quick.
 */
export async function createPostgresLogFixture(): Promise<PostgresLogFixture> {
  const database = await createTestDatabase({ prefix: 'event_transport' });
  const adminPool = createPool({ connectionString: database.url, max: 2 });
  return {
    database,
    createTransport: async () => {
      const pool = createPool({ connectionString: database.url, max: 4 });
      const transport = createPostgresLogTransport({
        pool,
        connectionString: database.url,
        logger: testLogger('postgres-log'),
        pollIntervalMs: 100,
        restartBackoff: { initialBackoffMs: 100, maxBackoffMs: 1_000 },
      });
      await transport.migrate();
      return {
        ...transport,
        close: async () => {
          await transport.close();
          await pool.end();
        },
      };
    },
    uniqueName: (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`,
    breakConsumerConnections: async () => {
      await adminPool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1`,
        [logConsumerApplicationName],
      );
    },
    dispose: async () => {
      await adminPool.end();
      await database.drop();
    },
  };
}
