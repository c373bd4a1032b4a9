import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { LeaseFilter, LeaseListing } from '../../application/leases/index.js';
import type { Slice, SliceResult } from '../../application/queries/index.js';
import { composerLeasesSchema } from './postgres-lease-book.js';

/** Lease ids from the lease table the lease book writes with each lease's events. */
export class PostgresLeaseListing implements LeaseListing {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema = composerLeasesSchema,
  ) {
    this.table = `${quoteIdentifier(schema)}.leases`;
  }

  async list(filter: LeaseFilter, slice: Slice): Promise<SliceResult<{ readonly id: string }>> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT lease_id AS id FROM ${this.table}
        WHERE ($1::text IS NULL OR tenant = $1)
          AND ($2::text IS NULL OR status = $2)
          AND ($3::text IS NULL OR lease_id > $3)
        ORDER BY lease_id
        LIMIT $4`,
      [filter.tenant ?? null, filter.status ?? null, slice.afterId ?? null, slice.limit + 1],
    );
    return { items: rows.slice(0, slice.limit), more: rows.length > slice.limit };
  }
}
