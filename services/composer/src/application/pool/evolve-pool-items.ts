import { evolveItem, itemFactOf, type ItemEvent, type ItemState } from '@tessera/hardware';
import { type PoolItem, poolItemKey } from './pool-item.js';

/**
 * Applies inventory item events, in order, to the states `stateOf` knows, and returns the final
 * state of every item they changed (each once, in order of first change). Events that are not
 * an item's are ignored. Pure: `stateOf` is read, never written.
 */
export function evolvePoolItems(
  stateOf: (item: Pick<PoolItem, 'kind' | 'id'>) => ItemState,
  events: readonly ItemEvent[],
): PoolItem[] {
  const changed = new Map<string, PoolItem>();
  for (const event of events) {
    const fact = itemFactOf(event);
    if (!fact) continue;
    const key = poolItemKey(fact.kind, fact.id);
    const before = changed.get(key)?.state ?? stateOf(fact);
    changed.set(key, { kind: fact.kind, id: fact.id, state: evolveItem(before, fact.fact) });
  }
  return [...changed.values()];
}
