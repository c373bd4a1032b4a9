/** The composer's pool: its copy of the inventory's items, the index fed from it, ledger usage. */
export {
  type DeliveredItemEvent,
  InvalidInventoryEventError,
  inventoryEventOf,
} from './inventory-event-of.js';
export {
  inventoryPoolGroup,
  inventoryTopic,
  type InventoryPoolConsumerOptions,
  subscribeToInventoryPool,
} from './inventory-pool-consumer.js';
export {
  defaultLedgerSyncIntervalMs,
  LedgerUsageSync,
  type LedgerUsageSyncOptions,
} from './ledger-usage-sync.js';
export { composerPoolSchema, poolMigrations } from './pool-migrations.js';
export { projectItemEvents } from './pool-projection.js';
export { PostgresPoolItems } from './postgres-pool-items.js';
export { migratePool, type RunningPool, startPool, type StartPoolOptions } from './start-pool.js';
