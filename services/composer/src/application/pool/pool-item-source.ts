import type { PoolItem } from './pool-item.js';

/**
 * Where the composer's copy of the inventory's item states comes from at start (its projection
 * of the inventory's events). Every present item, retired ones included, in any order.
 */
export interface PoolItemSource {
  loadItems(): Promise<readonly PoolItem[]>;
}
