import {
  absentComposition,
  type CompositionEvent,
  type CompositionState,
  compositionFactOf,
  evolveComposition,
} from '@tessera/composer-domain';
import type { EventEnvelope, Projection } from '@tessera/event-store';
import { prepared, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';

export const compositionsProjectionName = 'composer-compositions';

/**
 * `compositions`: every composition's current state, folded from its events with the domain's
 * own `evolveComposition` (so the read model and the aggregate never disagree on what a fact
 * means), with the columns lists filter on. Events that are not a composition's are ignored.
 */
export function compositionsProjection(schema: string): Projection {
  const table = `${quoteIdentifier(schema)}.compositions`;
  return {
    name: compositionsProjectionName,
    reset: async (client) => {
      await client.query(`TRUNCATE ${table}`);
    },
    apply: (event, client) => applyEvent(table, event, client),
  };
}

async function applyEvent(
  table: string,
  event: EventEnvelope,
  client: pg.PoolClient,
): Promise<void> {
  const stored = compositionFactOf({
    type: event.type,
    data: event.data as CompositionEvent['data'],
  });
  if (stored === undefined) return;
  const { rows } = await client.query<{ state: CompositionState }>(
    prepared(`SELECT state FROM ${table} WHERE id = $1`, [stored.compositionId]),
  );
  const state = evolveComposition(rows[0]?.state ?? absentComposition, stored.fact);
  if (state.status === 'absent') return;
  await client.query(
    prepared(
      `INSERT INTO ${table} (id, tenant, phase, state, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $5, $6)
       ON CONFLICT (id) DO UPDATE
         SET phase = EXCLUDED.phase, state = EXCLUDED.state,
             updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
      [state.id, state.spec.tenant, state.status, state, event.recordedAt, event.streamVersion],
    ),
  );
}
