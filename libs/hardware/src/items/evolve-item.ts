import { type ItemFact } from './item-facts.js';
import type { ItemKind } from './item-kinds.js';
import { absentItem, type ItemState, type PresentItem } from './item-state.js';

/** Applies one fact to an item's state. Pure; facts are trusted (they were decided already). */
export function evolveItem<K extends ItemKind>(
  state: ItemState<K>,
  fact: ItemFact<K>,
): ItemState<K> {
  if (fact.fact === 'Registered') {
    const reported = reportedHealthOf(fact.spec);
    return {
      status: 'present',
      spec: fact.spec,
      source: fact.source,
      operatorLabels: undefined,
      health: reported,
      reportedHealth: reported,
      cordon: undefined,
      retirement: undefined,
      missing: false,
    };
  }
  if (state.status === 'absent') {
    return absentItem;
  }
  return evolvePresent(state, fact);
}

function evolvePresent<K extends ItemKind>(
  item: PresentItem<K>,
  fact: Exclude<ItemFact<K>, { fact: 'Registered' }>,
): PresentItem<K> {
  switch (fact.fact) {
    case 'SpecUpdated':
      return { ...item, spec: fact.spec };
    case 'LabelsSet':
      return { ...item, operatorLabels: fact.labels };
    case 'HealthSet':
      return fact.reason === sourceReportReason
        ? { ...item, health: fact.health, reportedHealth: fact.health }
        : { ...item, health: fact.health };
    case 'Cordoned':
      return { ...item, cordon: { reason: fact.reason } };
    case 'Uncordoned':
      return { ...item, cordon: undefined };
    case 'Retired':
      return { ...item, retirement: { reason: fact.reason } };
    case 'WentMissing':
      return { ...item, missing: true };
    case 'Reappeared':
      return { ...item, missing: false };
  }
}

/** The reason recorded when a source's report changed an item's health. */
export const sourceReportReason = 'reported by its source';

/** The health a spec reports, for the kinds whose sources report one. */
export function reportedHealthOf(spec: object): PresentItem['health'] {
  return 'health' in spec ? (spec.health as PresentItem['health']) : undefined;
}
