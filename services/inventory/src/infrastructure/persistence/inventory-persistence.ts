import { createEventStore, type EventStore, type Projection } from '@tessera/event-store';
import { migrate } from '@tessera/postgres';
import type pg from 'pg';
import type { InventoryReadModel } from '../../application/ports/inventory-read-model.js';
import type { ItemRepository } from '../../application/ports/item-repository.js';
import type { SourceItems } from '../../application/ports/source-items.js';
import { itemsProjection } from '../projections/items-projection.js';
import { PostgresReadModel } from '../projections/postgres-read-model.js';
import { ProjectedSourceItems } from '../projections/source-items-query.js';
import { EventStoreItemRepository } from './event-store-item-repository.js';
import { inventoryStoreSchema, inventoryTopic, inventoryViewsSchema } from './inventory-storage.js';
import { viewMigrations } from './view-migrations.js';

/**
 * A fabric is one aggregate whose spec holds every switch, endpoint and link: a site-wide
 * NVMe/TCP fabric of a 10,000-host lab is about 2 MB of JSON. Its events may be this large (the
 * store's default is 1 MiB); splitting fabrics into finer facts is the way past it.
 */
const maxItemEventBytes = 16 * 1024 * 1024;

export interface InventoryPersistence {
  /** The pool everything here uses; the caller created it and ends it. */
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly items: ItemRepository;
  readonly sourceItems: SourceItems;
  readonly readModel: InventoryReadModel;
  /** Every read model, to run live and to rebuild. */
  readonly projections: readonly Projection[];
  /** Creates or upgrades the event store's and the read models' tables. */
  migrate(): Promise<void>;
}

export interface InventoryPersistenceOptions {
  readonly pool: pg.Pool;
  /** Overrides, so that tests and benchmarks can run side by side in one database. */
  readonly storeSchema?: string;
  readonly viewsSchema?: string;
}

/** The inventory's event store (publishing every event on the inventory topic) and read models. */
export function createInventoryPersistence(
  options: InventoryPersistenceOptions,
): InventoryPersistence {
  const storeSchema = options.storeSchema ?? inventoryStoreSchema;
  const viewsSchema = options.viewsSchema ?? inventoryViewsSchema;
  const store = createEventStore({
    pool: options.pool,
    schema: storeSchema,
    outbox: { topicFor: () => inventoryTopic },
    maxPayloadBytes: maxItemEventBytes,
  });
  return {
    pool: options.pool,
    store,
    items: new EventStoreItemRepository(store),
    sourceItems: new ProjectedSourceItems(options.pool, viewsSchema),
    readModel: new PostgresReadModel(options.pool, viewsSchema),
    projections: [itemsProjection(viewsSchema)],
    migrate: async () => {
      await store.migrate();
      await migrate(options.pool, viewsSchema, viewMigrations);
    },
  };
}
