import type { Logger } from '@tessera/event-transport';
import { createPool } from '@tessera/postgres';
import type pg from 'pg';

/**
 * A service's connection pool, named `tessera-<service>` in `pg_stat_activity`; a connection
 * that fails while idle is logged as a warning (the pool replaces it) instead of crashing.
 */
export function servicePool(databaseUrl: string, service: string, logger: Logger): pg.Pool {
  return createPool({
    connectionString: databaseUrl,
    applicationName: `tessera-${service}`,
    onIdleError: (error) => {
      logger.warn('an idle database connection failed', { error: error.message });
    },
  });
}
