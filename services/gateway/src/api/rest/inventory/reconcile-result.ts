import type { inventory } from '@tessera/contracts';
import { itemKindName } from './inventory-names.js';

/** What importing a manifest or syncing a source did to the inventory. */
export interface ReconcileResult {
  /** Items seen for the first time. */
  readonly registered: number;
  /** Items whose spec or reported health changed. */
  readonly updated: number;
  readonly unchanged: number;
  /** Items the source declared before and no longer does. */
  readonly missing: number;
  /** Items the source declared that another source owns: left as they were. */
  readonly refused: readonly RefusedItem[];
}

export interface RefusedItem {
  readonly kind: string | undefined;
  readonly id: string;
  readonly reason: string;
}

export function reconcileResult(
  answer: inventory.ImportManifestResponse | inventory.SyncSourceResponse,
): ReconcileResult {
  return {
    registered: answer.registered,
    updated: answer.updated,
    unchanged: answer.unchanged,
    missing: answer.missing,
    refused: answer.refused.map((item) => ({
      kind: itemKindName(item.kind),
      id: item.id,
      reason: item.reason,
    })),
  };
}
