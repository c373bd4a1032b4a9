import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';

/** Registered sources whose interval has passed since their last sync (or never synced). */
export async function dueSources(
  pool: pg.Pool,
  viewsSchema: string,
): Promise<{ id: string; intervalSeconds: number }[]> {
  const { rows } = await pool.query<{ id: string; interval_seconds: number }>(
    `SELECT id, interval_seconds FROM ${quoteIdentifier(viewsSchema)}.sources
      WHERE NOT removed
        AND (last_sync_at IS NULL OR last_sync_at + make_interval(secs => interval_seconds) <= now())
      ORDER BY last_sync_at NULLS FIRST, id`,
  );
  return rows.map((row) => ({ id: row.id, intervalSeconds: row.interval_seconds }));
}
