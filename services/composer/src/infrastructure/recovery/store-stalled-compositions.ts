import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { StalledCompositions } from '../../application/lifecycle/index.js';
import { composerStoreSchema } from '../persistence/index.js';
import { composerViewsSchema } from '../views/index.js';

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

/** Where a composition that may be waiting for a step can be: done ones never are. */
const inFlightPhases = ['requested', 'scheduled', 'attaching', 'expanding', 'healing'];

/**
 * Stalled compositions: per composition in flight, the latest lifecycle fact in the event store;
 * a request, reschedule or schedule nobody followed up since `stepBefore`, or an attach intent
 * past its deadline. The compositions projection (`composer_views.compositions`, by phase) says
 * which compositions are in flight, so a sweep reads the events of those only, never the whole
 * history; the event store decides. A composition the projection has not caught up with yet is
 * found by a later sweep. A sweep's query, run by one replica at a time.
 */
export class StoreStalledCompositions implements StalledCompositions {
  private readonly events: string;
  private readonly compositions: string;

  constructor(
    private readonly pool: pg.Pool,
    storeSchema = composerStoreSchema,
    viewsSchema = composerViewsSchema,
  ) {
    this.events = `${quoteIdentifier(storeSchema)}.events`;
    this.compositions = `${quoteIdentifier(viewsSchema)}.compositions`;
  }

  async stalled(stepBefore: Date, now: Date): Promise<readonly string[]> {
    const { rows } = await this.pool.query<{ composition_id: string }>(
      `SELECT latest.data->>'compositionId' AS composition_id
         FROM ${this.compositions} composition
        CROSS JOIN LATERAL (
              SELECT type, data, recorded_at FROM ${this.events} event
               WHERE event.stream_id = 'composition-' || composition.id
                 AND event.type = ANY($1::text[])
               ORDER BY event.stream_version DESC
               LIMIT 1) latest
        WHERE composition.phase = ANY($6::text[])
          AND ((latest.type = ANY($2::text[]) AND latest.recorded_at <= $3)
            OR (latest.type = $4 AND (latest.data->>'deadline')::timestamptz <= $5))
        ORDER BY 1`,
      [steps, waitingSteps, stepBefore, `${namespace}AttachRequested`, now, inFlightPhases],
    );
    return rows.map((row) => row.composition_id);
  }
}
