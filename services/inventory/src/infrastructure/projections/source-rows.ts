import type { EventEnvelope } from '@tessera/event-store';
import type { SourceFact } from '@tessera/inventory-domain';
import type pg from 'pg';

/** The `sources` read model: each discovery source's settings and whether it answers. */
export async function writeSourceRow(
  client: pg.PoolClient,
  sources: string,
  id: string,
  fact: SourceFact,
  event: EventEnvelope,
): Promise<void> {
  switch (fact.fact) {
    case 'Registered':
      await client.query(
        `INSERT INTO ${sources} (id, url, interval_seconds, answering, removed) VALUES ($1, $2, $3, true, false)
         ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, interval_seconds = EXCLUDED.interval_seconds,
           answering = true, last_error = NULL, removed = false`,
        [id, fact.spec.url, fact.spec.intervalSeconds],
      );
      return;
    case 'IntervalChanged':
      await client.query(`UPDATE ${sources} SET interval_seconds = $2 WHERE id = $1`, [
        id,
        fact.intervalSeconds,
      ]);
      return;
    case 'Synced':
      await client.query(
        `UPDATE ${sources} SET last_sync_at = $2, last_counts = $3 WHERE id = $1`,
        [id, event.recordedAt, JSON.stringify(fact.counts)],
      );
      return;
    case 'StoppedAnswering':
      await client.query(
        `UPDATE ${sources} SET answering = false, last_error = $2, last_sync_at = $3 WHERE id = $1`,
        [id, fact.error, event.recordedAt],
      );
      return;
    case 'AnsweringAgain':
      await client.query(
        `UPDATE ${sources} SET answering = true, last_error = NULL WHERE id = $1`,
        [id],
      );
      return;
    case 'Removed':
      await client.query(`UPDATE ${sources} SET removed = true WHERE id = $1`, [id]);
      return;
  }
}
