/** The inventory's event store schema; only this service reads or writes it. */
export const inventoryStoreSchema = 'inventory';

/** The inventory's read models (projections), in a schema of their own. */
export const inventoryViewsSchema = 'inventory_views';

/** Where inventory events are published (versioned: a breaking payload change is a new topic). */
export const inventoryTopic = 'tessera.inventory.events.v1';
