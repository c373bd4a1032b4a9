import pg from 'pg';

export interface PoolOptions {
  readonly connectionString: string;
  /** Connections at most; Postgres work here is short, so a few go a long way. */
  readonly max?: number;
  /** Shows in `pg_stat_activity`, which is where a stuck transaction is found. */
  readonly applicationName?: string;
  /** Called when an idle connection fails (for example the server restarted). */
  readonly onIdleError?: (error: Error) => void;
}

/**
 * A pg pool whose idle-connection errors are reported instead of crashing the process
 * (pg emits `error` on the pool, and an unhandled `error` event kills Node).
 */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'tessera',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
