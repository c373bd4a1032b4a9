import {
  effectiveLabels,
  type ItemKind,
  lifecycleOf,
  type PresentItem,
} from '@tessera/inventory-domain';
import type pg from 'pg';

export interface ItemKey {
  readonly kind: ItemKind;
  readonly id: string;
}

export function keyOf({ kind, id }: ItemKey): string {
  return `${kind}\u0000${id}`;
}

/** The stored states of the given items (absent ones are simply not in the map). */
export async function loadItemStates(
  client: pg.PoolClient,
  items: string,
  keys: readonly ItemKey[],
): Promise<Map<string, PresentItem>> {
  if (keys.length === 0) return new Map();
  const { rows } = await client.query<{ kind: ItemKind; id: string; state: PresentItem }>(
    `SELECT i.kind, i.id, i.state FROM ${items} i
       JOIN unnest($1::text[], $2::text[]) AS k(kind, id) ON i.kind = k.kind AND i.id = k.id`,
    [keys.map((key) => key.kind), keys.map((key) => key.id)],
  );
  return new Map(rows.map((row) => [keyOf(row), row.state]));
}

/** An item's row as the last event applied to it left it. */
export interface ItemRowWrite extends ItemKey {
  readonly item: PresentItem;
  readonly version: number;
  readonly position: number;
  readonly recordedAt: string;
}

/** Upserts every row in one statement. */
export async function upsertItemRows(
  client: pg.PoolClient,
  items: string,
  rows: readonly ItemRowWrite[],
): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${items} (kind, id, source_kind, source_id, state, labels, health, lifecycle,
                           cordoned, missing, retired, version, position, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[],
                          $7::text[], $8::text[], $9::boolean[], $10::boolean[], $11::boolean[],
                          $12::int[], $13::bigint[], $14::timestamptz[])
     ON CONFLICT (kind, id) DO UPDATE SET
       source_kind = EXCLUDED.source_kind, source_id = EXCLUDED.source_id, state = EXCLUDED.state,
       labels = EXCLUDED.labels, health = EXCLUDED.health, lifecycle = EXCLUDED.lifecycle,
       cordoned = EXCLUDED.cordoned, missing = EXCLUDED.missing, retired = EXCLUDED.retired,
       version = EXCLUDED.version, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
    [
      rows.map((row) => row.kind),
      rows.map((row) => row.id),
      rows.map((row) => row.item.source.kind),
      rows.map((row) => row.item.source.id),
      rows.map((row) => JSON.stringify(row.item)),
      rows.map((row) => JSON.stringify(effectiveLabels(row.item))),
      rows.map((row) => row.item.health ?? null),
      rows.map((row) => lifecycleOf(row.item)),
      rows.map((row) => row.item.cordon !== undefined),
      rows.map((row) => row.item.missing),
      rows.map((row) => row.item.retirement !== undefined),
      rows.map((row) => row.version),
      rows.map((row) => row.position),
      rows.map((row) => row.recordedAt),
    ],
  );
}
