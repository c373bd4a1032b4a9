import type { ItemKind, SourceRef } from '@tessera/inventory-domain';
import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type { SourceItems } from '../../application/ports/source-items.js';

/** The items a source declared, from the `items` projection. */
export class ProjectedSourceItems implements SourceItems {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  async idsDeclaredBy(source: SourceRef, kind: ItemKind): Promise<readonly string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM ${quoteIdentifier(this.schema)}.items
        WHERE source_kind = $1 AND source_id = $2 AND kind = $3`,
      [source.kind, source.id, kind],
    );
    return rows.map((row) => row.id);
  }
}
