import { type Migration } from '@tessera/postgres';

/**
 * Holds waiting to be applied: the previewed choice (spec and assignment) and the composition id
 * its ledger rows already carry. A row commits with those ledger rows and is deleted with the
 * apply that composes them, or by the sweep once expired.
 */
export const reservationMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'held reservations',
    sql: `
      CREATE TABLE held (
        reservation_id text PRIMARY KEY,
        composition_id text NOT NULL UNIQUE,
        spec jsonb NOT NULL,
        assignment jsonb NOT NULL,
        reserved_by text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX held_by_expiry ON held (expires_at);
    `,
  },
];
