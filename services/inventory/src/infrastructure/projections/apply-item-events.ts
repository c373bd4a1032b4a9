import type { EventEnvelope } from '@tessera/event-store';
import {
  absentItem,
  evolveItem,
  type ItemFactName,
  itemFactOf,
  type PresentItem,
  sourceFactOf,
} from '@tessera/inventory-domain';
import type pg from 'pg';
import { upsertDeviceRows } from './device-row.js';
import { type ItemRowWrite, keyOf, loadItemStates } from './item-rows.js';
import { upsertItemRows } from './item-rows.js';
import { writeFabricRoutes, writeLocalRoutes } from './route-rows.js';
import { writeSourceRow } from './source-rows.js';
import type { ViewTables } from './view-tables.js';

/** Facts after which a device's row and routes, or a fabric's routes, must be rewritten. */
const topologyFacts: ReadonlySet<ItemFactName> = new Set([
  'Registered',
  'SpecUpdated',
  'WentMissing',
  'Reappeared',
  'Retired',
]);

/**
 * Applies events (in log order) to the read models with a constant number of statements for
 * the item rows and device rows, whatever the batch size: states are loaded at once, folded in
 * memory with the domain's `evolveItem`, and written back at once. Applying a batch gives
 * exactly what applying its events one by one gives (the single-event path is this same code).
 */
export async function applyItemEvents(
  client: pg.PoolClient,
  tables: ViewTables,
  events: readonly EventEnvelope[],
): Promise<void> {
  const parsed = events.map((event) => ({
    event,
    item: itemFactOf({ type: event.type, data: event.data as { id: string } }),
  }));
  const states = await loadItemStates(
    client,
    tables.items,
    parsed.flatMap(({ item }) => (item ? [item] : [])),
  );
  const written = new Map<string, ItemRowWrite>();
  const topologyChanged = new Map<string, ItemRowWrite>();
  for (const { event, item } of parsed) {
    if (!item) {
      const source = sourceFactOf({
        type: event.type,
        data: event.data as Record<string, unknown>,
      });
      if (source) await writeSourceRow(client, tables.sources, source.id, source.fact, event);
      continue;
    }
    const key = keyOf(item);
    const after = evolveItem(states.get(key) ?? absentItem, item.fact);
    if (after.status === 'absent') continue;
    states.set(key, after);
    const row: ItemRowWrite = {
      kind: item.kind,
      id: item.id,
      item: after,
      version: event.streamVersion,
      position: event.position,
      recordedAt: event.recordedAt,
    };
    written.set(key, row);
    if (topologyFacts.has(item.fact.fact)) topologyChanged.set(key, row);
  }
  await upsertItemRows(client, tables.items, [...written.values()]);
  const changed = [...topologyChanged.values()];
  const devices = changed
    .filter((row) => row.kind === 'device')
    .map((row) => row.item as PresentItem<'device'>);
  await upsertDeviceRows(client, tables.devices, devices);
  await writeLocalRoutes(client, tables, devices);
  for (const row of changed) {
    if (row.kind === 'fabric') {
      await writeFabricRoutes(client, tables, row.item as PresentItem<'fabric'>);
    }
  }
}
