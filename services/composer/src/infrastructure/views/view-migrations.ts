import type { Migration } from '@tessera/postgres';

/** The composer's read models' schema. Nothing but the projections writes it. */
export const composerViewsSchema = 'composer_views';

/**
 * The composer's read models. Every table is a projection of the event log: it can be dropped
 * and rebuilt (see compositions-projection.ts), so a change here is a new migration plus a rebuild.
 */
export const viewMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'compositions',
    sql: `
      CREATE TABLE compositions (
        id text PRIMARY KEY,
        tenant text NOT NULL,
        phase text NOT NULL,
        -- The composition as the domain's evolveComposition folds it from its events.
        state jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      );
      CREATE INDEX compositions_by_tenant_phase ON compositions (tenant, phase, id);
      CREATE INDEX compositions_by_phase ON compositions (phase, id);
    `,
  },
];
