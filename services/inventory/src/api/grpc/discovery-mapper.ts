import { inventory } from '@tessera/contracts';
import { itemKinds as domainItemKinds } from '@tessera/inventory-domain';
import type { ReconcileResult } from '../../application/reconcile-snapshot/reconcile-snapshot.command.js';
import type { SyncOutcome } from '../../application/sync-source/sync-source.handler.js';
import { itemKinds } from './enum-mappers.js';

/** What a reconciliation did, as the counts and refused items of a response. */
export function reconcileCountsOf(result: ReconcileResult): inventory.ImportManifestResponse {
  return {
    registered: result.registered,
    updated: result.updated,
    unchanged: result.unchanged,
    missing: result.missing,
    refused: result.refused.map((item) => ({
      kind: itemKindOf(item.kind),
      id: item.id,
      reason: item.reason,
    })),
  };
}

export function syncSourceResponseOf(sync: SyncOutcome): inventory.SyncSourceResponse {
  switch (sync.outcome) {
    case 'synced':
      return {
        outcome: inventory.SyncOutcome.SYNC_OUTCOME_SYNCED,
        ...reconcileCountsOf(sync.result),
        warnings: [...sync.warnings],
        error: '',
      };
    case 'unreachable':
      return {
        outcome: inventory.SyncOutcome.SYNC_OUTCOME_UNREACHABLE,
        ...reconcileCountsOf({ registered: 0, updated: 0, unchanged: 0, missing: 0, refused: [] }),
        warnings: [],
        error: sync.error,
      };
  }
}

function itemKindOf(kind: string): inventory.ItemKind {
  const known = domainItemKinds.find((candidate) => candidate === kind);
  return known === undefined ? inventory.ItemKind.ITEM_KIND_UNSPECIFIED : itemKinds[known];
}
