import type { Migration } from '@tessera/postgres';

/** The composer's copy of the inventory's items (never the inventory's own tables). */
export const composerPoolSchema = 'composer_pool';

/**
 * - `items`: each inventory item's state as its facts evolve it (`evolveItem`), with the stream
 *   version of the last fact applied: a fact at or below it was applied already (the
 *   idempotency marker, written in the same statement as the state).
 * - `positions`: per source (the topic), the highest log position applied, to see how far the
 *   copy has come.
 */
export const poolMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'inventory item states and applied positions',
    sql: `
      CREATE TABLE items (
        kind text NOT NULL,
        id text NOT NULL,
        state jsonb NOT NULL,
        version bigint NOT NULL CHECK (version >= 1),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      );

      CREATE TABLE positions (
        source text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
