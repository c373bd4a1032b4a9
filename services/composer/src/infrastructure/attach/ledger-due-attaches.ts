import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { DueAttaches } from '../../application/attach/index.js';
import { composerLedgerSchema } from '../persistence/index.js';

/** Due attaches from the ledger: a reservation expires at its attach's deadline. */
export class LedgerDueAttaches implements DueAttaches {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema = composerLedgerSchema,
  ) {}

  async compositionsPastDeadline(now: Date): Promise<readonly string[]> {
    const { rows } = await this.pool.query<{ composition_id: string }>(
      `SELECT DISTINCT composition_id FROM ${quoteIdentifier(this.schema)}.allocations
        WHERE state = 'reserved' AND expires_at <= $1 ORDER BY composition_id`,
      [now],
    );
    return rows.map((row) => row.composition_id);
  }
}
