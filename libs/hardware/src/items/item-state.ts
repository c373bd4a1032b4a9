import type { Health, Labels } from '../model/device.js';
import type { ItemKind, ItemSpecs, SourceRef } from './item-kinds.js';

export interface AbsentItem {
  readonly status: 'absent';
}

export interface PresentItem<K extends ItemKind = ItemKind> {
  readonly status: 'present';
  readonly spec: ItemSpecs[K];
  readonly source: SourceRef;
  /** Labels set by operators; they add to (and override) the labels the source declared. */
  readonly operatorLabels: Labels | undefined;
  /** Current health, whoever set it last; undefined until anyone reported it. */
  readonly health: Health | undefined;
  /** The health its source last reported, so an unchanged report does not undo an operator. */
  readonly reportedHealth: Health | undefined;
  readonly cordon: { readonly reason: string } | undefined;
  readonly retirement: { readonly reason: string } | undefined;
  readonly missing: boolean;
}

export type ItemState<K extends ItemKind = ItemKind> = AbsentItem | PresentItem<K>;

export const absentItem: AbsentItem = { status: 'absent' };

/** The labels in effect: the source's, overridden by the operators'. */
export function effectiveLabels(item: PresentItem): Labels {
  const declared = 'labels' in item.spec ? item.spec.labels : undefined;
  return { ...declared, ...item.operatorLabels };
}
