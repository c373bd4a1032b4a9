import type { InventorySnapshot, SourceRef } from '@tessera/inventory-domain';

/**
 * "This is everything `source` knows now": a manifest's content, a Redfish resync, an agent's
 * report. What is new is registered, what changed is updated, and what the source declared before
 * but no longer reports goes missing (never deleted).
 */
export interface ReconcileSnapshotCommand {
  readonly source: SourceRef;
  readonly snapshot: InventorySnapshot;
}

/** What a reconciliation did, by item. */
export interface ReconcileResult {
  readonly registered: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly missing: number;
  /** Items the source reported but may not change (another source declared them). */
  readonly refused: readonly { kind: string; id: string; reason: string }[];
}
