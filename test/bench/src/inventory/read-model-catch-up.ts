import type pg from 'pg';
import { BenchInfraError } from '../core/errors.js';

/** Waits until every appended event is in the read models (each item row counts its events). */
export async function waitForReadModels(
  pool: pg.Pool,
  events: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ applied: string | null }>(
      'SELECT sum(version) AS applied FROM inventory_views.items',
    );
    if (Number(rows[0]?.applied ?? 0) >= events) return;
    if (signal.aborted) throw signal.reason;
    if (Date.now() > deadline) {
      throw new BenchInfraError(
        `the read models did not catch up with ${events} events in ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
