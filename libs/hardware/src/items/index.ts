export { evolveItem, reportedHealthOf, sourceReportReason } from './evolve-item.js';
export {
  inventoryEventNamespace,
  itemEventOf,
  itemEventSchemaVersion,
  itemFactOf,
  parseItemEventType,
  type ItemEvent,
} from './item-events.js';
export { itemFactNames, type ItemFact, type ItemFactName } from './item-facts.js';
export {
  eventPrefixOf,
  itemKinds,
  itemStreamId,
  sameSource,
  type ItemKind,
  type ItemSpecs,
  type SourceRef,
} from './item-kinds.js';
export {
  absentItem,
  effectiveLabels,
  type AbsentItem,
  type ItemState,
  type PresentItem,
} from './item-state.js';
export { lifecycleOf, type Usage } from './lifecycle.js';
