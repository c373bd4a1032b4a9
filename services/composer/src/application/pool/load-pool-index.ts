import { scheduler } from '@tessera/composer-domain';
import type { PoolItemSource } from './pool-item-source.js';
import { PoolIndex } from './pool-index.js';

/**
 * Rebuilds the pool at start from the composer's copy of the inventory's items, into `index`
 * (a new one by default). Allocation counts are the ledger's business (`LedgerUsageSync`).
 */
export async function loadPoolIndex(
  source: PoolItemSource,
  index: scheduler.CandidateIndex = new scheduler.CandidateIndex(),
): Promise<PoolIndex> {
  const pool = new PoolIndex(index);
  pool.applyItems(await source.loadItems());
  index.prepareLists();
  return pool;
}
