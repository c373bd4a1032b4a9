import { randomUUID } from 'node:crypto';
import { createPool } from '@tessera/postgres';
import { createTestDatabase, type TestDatabase } from '@tessera/testing';
import type pg from 'pg';
import type { CommandContext } from '../application/ports/command-context.js';
import {
  createInventoryPersistence,
  type InventoryPersistence,
} from '../infrastructure/persistence/inventory-persistence.js';
import {
  inventoryStoreSchema,
  inventoryViewsSchema,
} from '../infrastructure/persistence/inventory-storage.js';

export interface InventoryFixture {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly persistence: InventoryPersistence;
  /**
   * Replays the whole log into every read model (the same code the live projections run), again
   * until the replay included every stored event: a commit-safe reader does not yet see events
   * committed after an older transaction that is still running anywhere in the cluster (another
   * test file's, under load), and a test asserting right after its writes must not race that.
   */
  rebuildViews(): Promise<void>;
  /** Rows of a read-model table, ordered, for comparisons. */
  rows(table: 'items' | 'devices' | 'routes' | 'sources'): Promise<Record<string, unknown>[]>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

export function commandContext(actor = 'user:operator'): CommandContext {
  return { correlationId: randomUUID(), actor };
}

/** A database of its own with the inventory's store and read models migrated. */
export async function createInventoryFixture(): Promise<InventoryFixture> {
  const database = await createTestDatabase({ prefix: 'inventory' });
  const pool = createPool({ connectionString: database.url, max: 10 });
  const persistence = createInventoryPersistence({ pool });
  await persistence.migrate();
  const orderBy = {
    items: 'kind, id',
    devices: 'id',
    routes: 'host_id, device_id, fabric_id',
    sources: 'id',
  } as const;
  return {
    database,
    pool,
    persistence,
    rebuildViews: async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const stored = await countEvents(pool);
        let replayed = Number.POSITIVE_INFINITY;
        for (const projection of persistence.projections) {
          const result = await persistence.store.rebuildProjection(projection);
          replayed = Math.min(replayed, result.replayedEvents);
        }
        if (replayed >= stored) return;
        if (Date.now() > deadline) {
          throw new Error(`the rebuild saw ${replayed} of ${stored} events after 30 s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    rows: async (table) =>
      (
        await pool.query(
          `SELECT * FROM ${inventoryViewsSchema}.${table} ORDER BY ${orderBy[table]}`,
        )
      ).rows as Record<string, unknown>[],
    eventCount: () => countEvents(pool),
    close: async () => {
      await persistence.store.close();
      await pool.end();
      await database.drop();
    },
  };
}

async function countEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM ${inventoryStoreSchema}.events`,
  );
  return Number(rows[0]?.count);
}
