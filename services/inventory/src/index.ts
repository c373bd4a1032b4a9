/**
 * @tessera/inventory: the inventory service (services/inventory/docs). The entry point is
 * `src/main.ts`; this module exposes the service itself (`startInventoryService`,
 * `loadInventoryConfig`), its use cases and its adapters to the workspace's tooling (benchmarks,
 * end-to-end suites, the standalone process).
 */
export type { CommandContext } from './application/ports/command-context.js';
export type {
  InventoryReadModel,
  ItemView,
  RouteView,
} from './application/ports/inventory-read-model.js';
export { InventoryQueries } from './application/queries/inventory-queries.js';
export type { Page, PageRequest } from './application/queries/pagination.js';
export { importManifest } from './application/import-manifest/import-manifest.handler.js';
export { operateItem } from './application/operate-item/operate-item.handler.js';
export { reconcileSnapshot } from './application/reconcile-snapshot/reconcile-snapshot.handler.js';
export type { ReconcileResult } from './application/reconcile-snapshot/reconcile-snapshot.command.js';
export {
  createInventoryPersistence,
  type InventoryPersistence,
  type InventoryPersistenceOptions,
} from './infrastructure/persistence/inventory-persistence.js';
export {
  inventoryStoreSchema,
  inventoryTopic,
  inventoryViewsSchema,
} from './infrastructure/persistence/inventory-storage.js';
export {
  startInventoryService,
  type InventoryServiceOptions,
  type RunningInventoryService,
} from './app/inventory-app.js';
export { loadInventoryConfig, type InventoryConfig } from './app/inventory-config.js';
