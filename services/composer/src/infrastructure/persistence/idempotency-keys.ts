import { createHash } from 'node:crypto';
import { type Migration, prepared, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';

/**
 * Requests' idempotency keys, each with the composition it created and a hash of its spec. A
 * row commits with that composition's `Requested` event, so a key names a stored composition or
 * nothing. The primary key makes concurrent requests with one key queue: the second sees the
 * first's row once it commits.
 */
export const idempotencyKeyMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'idempotency keys',
    sql: `
      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        composition_id text NOT NULL,
        spec_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

export type KeyClaim =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly compositionId: string; readonly specHash: string };

export class IdempotencyKeys {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdentifier(schema)}.idempotency_keys`;
  }

  /** Records the key for the composition, or answers what an earlier request recorded. */
  async claim(
    client: pg.ClientBase,
    key: string,
    compositionId: string,
    specHash: string,
  ): Promise<KeyClaim> {
    const inserted = await client.query(
      prepared(
        `INSERT INTO ${this.table} (key, composition_id, spec_hash) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING`,
        [key, compositionId, specHash],
      ),
    );
    if (inserted.rowCount === 1) {
      return { claimed: true };
    }
    const { rows } = await client.query<{ composition_id: string; spec_hash: string }>(
      `SELECT composition_id, spec_hash FROM ${this.table} WHERE key = $1`,
      [key],
    );
    const [earlier] = rows;
    if (earlier === undefined) {
      throw new Error(`idempotency key "${key}" conflicted but its row is not visible`);
    }
    return { claimed: false, compositionId: earlier.composition_id, specHash: earlier.spec_hash };
  }
}

/** A hash of a value that does not depend on the order of its object keys. */
export function specHash(spec: unknown): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
