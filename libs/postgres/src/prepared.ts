import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Statement text → its name; fixed texts only, so this stays as small as the code. */
const statementNames = new Map<string, string>();

/**
 * A named (prepared) statement: Postgres parses it once per connection and, after its first
 * few runs, keeps a generic plan instead of planning every call. On the hot paths (an append,
 * a reservation, a log read) planning cost more than running (about a third of Postgres's CPU
 * per composition in the composer benchmark).
 *
 * Only for statements whose text is fixed (one per code path and schema, never built from
 * values) and whose generic plan is as good as a custom one: check with
 * `SET plan_cache_mode = force_generic_plan` and `EXPLAIN EXECUTE`. An array parameter joined
 * to a table by its key should also filter the table with `= ANY(...)`, or the generic plan,
 * which cannot know the array's length, may scan the table.
 */
export function prepared(text: string, values: readonly unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `tessera_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values: [...values] };
}
