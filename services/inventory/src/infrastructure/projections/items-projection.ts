import type { Projection } from '@tessera/event-store';
import { applyItemEvents } from './apply-item-events.js';
import { viewTables } from './view-tables.js';

/**
 * `items` (every hardware item's current state and the columns lists filter on), `devices` (a
 * device's filterable spec), `routes` (which host reaches which device, from the fabrics'
 * topology) and `sources` (discovery sources and whether they answer), folded from the events
 * with the domain's own `evolveItem` and reachability, so that the read model and the
 * aggregates can never disagree on what a fact means.
 */
export function itemsProjection(schema: string): Projection {
  const tables = viewTables(schema);
  return {
    name: 'inventory-items',
    reset: async (client) => {
      await client.query(
        `TRUNCATE ${tables.items}, ${tables.devices}, ${tables.reachGroups}, ${tables.groupRoutes}, ${tables.sources}`,
      );
    },
    apply: (event, client) => applyItemEvents(client, tables, [event]),
    applyBatch: (events, client) => applyItemEvents(client, tables, events),
  };
}
