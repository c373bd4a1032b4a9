import type { ItemKind, ItemState } from '@tessera/hardware';

/**
 * One inventory item as the composer keeps it: the state the inventory's facts evolve to
 * (`evolveItem` of @tessera/hardware), never the inventory's tables. `absent` means the composer
 * holds nothing for it (no `Registered` seen yet).
 */
export interface PoolItem<K extends ItemKind = ItemKind> {
  readonly kind: K;
  readonly id: string;
  readonly state: ItemState<K>;
}

/** A key unique across kinds: `device/gpu-1`. */
export function poolItemKey(kind: ItemKind, id: string): string {
  return `${kind}/${id}`;
}
