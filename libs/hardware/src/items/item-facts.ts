import type { Health, Labels } from '../model/device.js';
import type { ItemKind, ItemSpecs, SourceRef } from './item-kinds.js';

/**
 * What can happen to a hardware item, as facts. Stored as events named `<Kind><fact>`
 * (`DeviceCordoned`) with the rest of the fact as data (see item-events.ts).
 */
export type ItemFact<K extends ItemKind = ItemKind> =
  /** A source reported it for the first time. */
  | { readonly fact: 'Registered'; readonly spec: ItemSpecs[K]; readonly source: SourceRef }
  /** Its source reported a different spec (firmware, attributes, placement, attachments). */
  | { readonly fact: 'SpecUpdated'; readonly spec: ItemSpecs[K] }
  /** An operator replaced its labels. */
  | { readonly fact: 'LabelsSet'; readonly labels: Labels }
  /** Its health changed: reported by its source, set by an operator or by health rules. */
  | { readonly fact: 'HealthSet'; readonly health: Health; readonly reason: string }
  | { readonly fact: 'Cordoned'; readonly reason: string }
  | { readonly fact: 'Uncordoned'; readonly reason: string }
  /** Out of service for good. */
  | { readonly fact: 'Retired'; readonly reason: string }
  /** Its source no longer reports it. It stays in the inventory, unschedulable. */
  | { readonly fact: 'WentMissing'; readonly sourceId: string }
  /** Its source reports it again. */
  | { readonly fact: 'Reappeared'; readonly sourceId: string };

export type ItemFactName = ItemFact['fact'];

export const itemFactNames = [
  'Registered',
  'SpecUpdated',
  'LabelsSet',
  'HealthSet',
  'Cordoned',
  'Uncordoned',
  'Retired',
  'WentMissing',
  'Reappeared',
] as const satisfies readonly ItemFactName[];
