import { quoteIdentifier } from '@tessera/postgres';
import type { ItemKind, ItemState } from '@tessera/hardware';
import type pg from 'pg';
import type { PoolItem, PoolItemSource } from '../../application/pool/index.js';
import { composerPoolSchema } from './pool-migrations.js';

/** Reads the composer's copy of the inventory's items (schema `composer_pool`). */
export class PostgresPoolItems implements PoolItemSource {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string = composerPoolSchema,
  ) {}

  async loadItems(): Promise<PoolItem[]> {
    const { rows } = await this.pool.query<{ kind: ItemKind; id: string; state: ItemState }>(
      `SELECT kind, id, state FROM ${quoteIdentifier(this.schema)}.items`,
    );
    return rows;
  }

  /** The highest log position applied from `source` (a topic), or undefined before any. */
  async lastPosition(source: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${quoteIdentifier(this.schema)}.positions WHERE source = $1`,
      [source],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].position);
  }
}
