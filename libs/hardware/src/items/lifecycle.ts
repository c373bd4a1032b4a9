import type { Lifecycle } from '../model/device.js';
import type { PresentItem } from './item-state.js';

/** Whether a composition holds the item (from the composer's ledger; `free` until then). */
export type Usage = 'free' | 'reserved' | 'attached';

/**
 * The lifecycle an item is in, derived from its facts so that it can never disagree with them.
 * The order is the precedence: a retired item is retired whatever else is true; a missing one
 * cannot be used; critical health means failed; a cordon does not evict what is attached (it
 * shows once the item is free); a discovered item (Redfish, an agent) that nobody reported a
 * health for yet is only `discovered`, while an operator's manifest vouches for what it declares.
 */
export function lifecycleOf(item: PresentItem, usage: Usage = 'free'): Lifecycle {
  if (item.retirement) return 'retired';
  if (item.missing) return 'missing';
  if (item.health === 'critical') return 'failed';
  if (usage === 'attached') return 'attached';
  if (usage === 'reserved') return 'reserved';
  if (item.cordon) return 'cordoned';
  if (item.health === undefined && item.source.kind !== 'manifest') return 'discovered';
  return 'available';
}
