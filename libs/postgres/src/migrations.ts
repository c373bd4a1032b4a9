import { createHash } from 'node:crypto';
import type pg from 'pg';
import { quoteIdentifier } from './identifiers.js';
import { withTransaction } from './transaction.js';
import { TesseraError } from '@tessera/errors';

/**
 * One versioned schema change. `sql` runs with `search_path` set to the target schema, so it
 * names its tables unqualified. Published migrations are never edited: add a new version.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationResult {
  readonly schema: string;
  readonly applied: readonly number[];
  readonly current: number;
}

export type MigrationErrorCode = 'MIGRATION_CHANGED' | 'MIGRATION_UNKNOWN' | 'MIGRATIONS_INVALID';

export class MigrationError extends TesseraError<MigrationErrorCode> {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const checksum = (migration: Migration): string =>
  createHash('sha256').update(migration.sql).digest('hex');

function checkSequence(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version !== index + 1) {
      throw new MigrationError(
        'MIGRATIONS_INVALID',
        `migration versions must be 1, 2, 3, … without gaps; found ${migration.version} (${migration.name}) at place ${index + 1}`,
      );
    }
  });
  return sorted;
}

/**
 * Brings `schema` up to the newest of `migrations`, in one transaction, under an advisory lock
 * so that concurrent starts of several processes apply each migration once. Refuses to run when
 * an applied migration's SQL has changed or the database is newer than this code.
 */
export async function migrate(
  pool: pg.Pool,
  schema: string,
  migrations: readonly Migration[],
): Promise<MigrationResult> {
  const ordered = checkSequence(migrations);
  const quoted = quoteIdentifier(schema);
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tessera.migrate.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      `SELECT version, name, checksum FROM ${quoted}.schema_migrations ORDER BY version`,
    );
    for (const row of rows) {
      const known = ordered[row.version - 1];
      if (known === undefined) {
        throw new MigrationError(
          'MIGRATION_UNKNOWN',
          `schema ${schema} has migration ${row.version} (${row.name}) that this code does not know: the database is newer than the code`,
        );
      }
      if (checksum(known) !== row.checksum) {
        throw new MigrationError(
          'MIGRATION_CHANGED',
          `migration ${row.version} (${row.name}) of schema ${schema} was changed after it was applied: add a new migration instead`,
        );
      }
    }
    const pending = ordered.slice(rows.length);
    await client.query(`SET LOCAL search_path TO ${quoted}, public`);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO ${quoted}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, checksum(migration)],
      );
    }
    return {
      schema,
      applied: pending.map((m) => m.version),
      current: ordered.length,
    };
  });
}
