export { decideItem } from './decide-item.js';
export {
  evolveItem,
  sourceReportReason,
  inventoryEventNamespace,
  itemEventOf,
  itemEventSchemaVersion,
  itemFactOf,
  parseItemEventType,
  type ItemEvent,
  itemFactNames,
  type ItemFact,
  type ItemFactName,
  eventPrefixOf,
  itemKinds,
  itemStreamId,
  sameSource,
  type ItemKind,
  type ItemSpecs,
  type SourceRef,
  absentItem,
  effectiveLabels,
  type AbsentItem,
  type ItemState,
  type PresentItem,
  lifecycleOf,
  type Usage,
} from '@tessera/hardware';
export type { ItemCommand, ItemCommandName } from './item-commands.js';
export {
  InvalidItemCommandError,
  ItemNotFoundError,
  ItemRetiredError,
  ItemSourceConflictError,
} from './item-errors.js';
export { validateLabels } from './labels.js';
