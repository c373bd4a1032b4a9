import {
  absentItem,
  evolveItem,
  itemFactOf,
  type ItemKind,
  type ItemState,
} from '@tessera/hardware';
import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import { type PoolItem, poolItemKey } from '../../application/pool/index.js';
import type { DeliveredItemEvent } from './inventory-event-of.js';

interface StoredState {
  kind: ItemKind;
  id: string;
  state: ItemState;
  version: number;
  changed: boolean;
}

/**
 * Applies item events to the composer's copy of the inventory's items, inside the caller's
 * transaction. Each item's row is locked, and a fact whose stream version is not above the row's
 * is skipped (it was applied before, by this or another replica), so redelivery has one effect.
 * Returns the state every named item has now, whoever applied its facts: what the in-memory
 * index must show once the transaction committed.
 */
export async function projectItemEvents(
  client: pg.ClientBase,
  schema: string,
  source: string,
  events: readonly DeliveredItemEvent[],
): Promise<PoolItem[]> {
  if (events.length === 0) return [];
  const states = await lockedStates(client, schema, events);
  for (const delivered of events) {
    const stored = states.get(poolItemKey(delivered.kind, delivered.id));
    const fact = itemFactOf(delivered.event);
    if (!stored || !fact || delivered.streamVersion <= stored.version) continue;
    stored.state = evolveItem(stored.state, fact.fact);
    stored.version = delivered.streamVersion;
    stored.changed = true;
  }
  await writeStates(
    client,
    schema,
    [...states.values()].filter((stored) => stored.changed),
  );
  await recordPosition(client, schema, source, Math.max(...events.map((event) => event.position)));
  return [...states.values()].map(({ kind, id, state }) => ({ kind, id, state }));
}

async function lockedStates(
  client: pg.ClientBase,
  schema: string,
  events: readonly DeliveredItemEvent[],
): Promise<Map<string, StoredState>> {
  const states = new Map<string, StoredState>();
  for (const { kind, id } of events) {
    const key = poolItemKey(kind, id);
    if (!states.has(key))
      states.set(key, { kind, id, state: absentItem, version: 0, changed: false });
  }
  const keys = [...states.values()].sort((a, b) => compare(a.kind, b.kind) || compare(a.id, b.id));
  const { rows } = await client.query<{
    kind: ItemKind;
    id: string;
    state: ItemState;
    version: string;
  }>(
    `SELECT i.kind, i.id, i.state, i.version
       FROM ${quoteIdentifier(schema)}.items i
       JOIN unnest($1::text[], $2::text[]) AS k(kind, id) ON i.kind = k.kind AND i.id = k.id
      ORDER BY i.kind, i.id
        FOR UPDATE OF i`,
    [keys.map((key) => key.kind), keys.map((key) => key.id)],
  );
  for (const row of rows) {
    const stored = states.get(poolItemKey(row.kind, row.id));
    if (stored) Object.assign(stored, { state: row.state, version: Number(row.version) });
  }
  return states;
}

/** Inserts or advances rows; a row another writer already moved further is left alone. */
async function writeStates(
  client: pg.ClientBase,
  schema: string,
  states: readonly StoredState[],
): Promise<void> {
  const present = states.filter((stored) => stored.state.status === 'present');
  if (present.length === 0) return;
  await client.query(
    `INSERT INTO ${quoteIdentifier(schema)}.items AS i (kind, id, state, version)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::bigint[])
     ON CONFLICT (kind, id) DO UPDATE
       SET state = excluded.state, version = excluded.version, updated_at = now()
       WHERE i.version < excluded.version`,
    [
      present.map((stored) => stored.kind),
      present.map((stored) => stored.id),
      present.map((stored) => JSON.stringify(stored.state)),
      present.map((stored) => stored.version),
    ],
  );
}

async function recordPosition(
  client: pg.ClientBase,
  schema: string,
  source: string,
  position: number,
): Promise<void> {
  await client.query(
    `INSERT INTO ${quoteIdentifier(schema)}.positions AS p (source, position) VALUES ($1, $2)
     ON CONFLICT (source) DO UPDATE
       SET position = GREATEST(p.position, excluded.position), updated_at = now()`,
    [source, position],
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
