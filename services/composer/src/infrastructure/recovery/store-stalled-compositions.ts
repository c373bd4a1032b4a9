import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { StalledCompositions } from '../../application/lifecycle/index.js';
import { composerStoreSchema } from '../persistence/index.js';

const namespace = 'tessera.composer.v1.';

/** The facts that move a composition from one lifecycle step to the next. */
const steps = [
  'Requested',
  'Rescheduling',
  'Scheduled',
  'AttachRequested',
  'AttachDeadlinePassed',
  'Ready',
  'Failed',
  'Expanded',
  'ExpansionAbandoned',
  'DeviceReplaced',
  'ReplacementAbandoned',
  'DecomposeRequested',
  'Decomposed',
].map((fact) => `${namespace}${fact}`);

const waitingSteps = ['Requested', 'Rescheduling', 'Scheduled'].map(
  (fact) => `${namespace}${fact}`,
);

/**
 * Stalled compositions from the composer's event store: per composition stream, the latest
 * lifecycle fact; a request, reschedule or schedule nobody followed up since `stepBefore`, or an
 * attach intent past its deadline. Reads every composition's lifecycle facts: a sweep's query,
 * run by one replica at a time.
 */
export class StoreStalledCompositions implements StalledCompositions {
  private readonly events: string;

  constructor(
    private readonly pool: pg.Pool,
    schema = composerStoreSchema,
  ) {
    this.events = `${quoteIdentifier(schema)}.events`;
  }

  async stalled(stepBefore: Date, now: Date): Promise<readonly string[]> {
    const { rows } = await this.pool.query<{ composition_id: string }>(
      `SELECT latest.data->>'compositionId' AS composition_id
         FROM (SELECT DISTINCT ON (stream_id) stream_id, type, data, recorded_at
                 FROM ${this.events}
                WHERE stream_id LIKE 'composition-%' AND type = ANY($1::text[])
                ORDER BY stream_id, stream_version DESC) latest
        WHERE (latest.type = ANY($2::text[]) AND latest.recorded_at <= $3)
           OR (latest.type = $4 AND (latest.data->>'deadline')::timestamptz <= $5)
        ORDER BY 1`,
      [steps, waitingSteps, stepBefore, `${namespace}AttachRequested`, now],
    );
    return rows.map((row) => row.composition_id);
  }
}
