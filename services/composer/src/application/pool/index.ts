export { evolvePoolItems } from './evolve-pool-items.js';
export { indexFromItemStates, itemStatesOfSnapshot } from './index-from-item-states.js';
export { loadPoolIndex } from './load-pool-index.js';
export { PoolIndex, type PoolUpdate } from './pool-index.js';
export { type PoolItem, poolItemKey } from './pool-item.js';
export type { PoolItemSource } from './pool-item-source.js';
export { deviceRecordOf, hostRecordOf, type PoolItemLookup } from './pool-records.js';
