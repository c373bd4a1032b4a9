import type { ItemKind, SourceRef } from '@tessera/inventory-domain';

/**
 * The items a source declared, read from the inventory's projection. It may lag the log by a
 * moment: an item registered an instant ago may be missing from the answer, and is then only
 * reported missing at the next sync, never wrongly.
 */
export interface SourceItems {
  idsDeclaredBy(source: SourceRef, kind: ItemKind): Promise<readonly string[]>;
}

export const sourceItemsToken = Symbol('SourceItems');
