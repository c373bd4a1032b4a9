export {
  defaultMaxReschedules,
  type Assignment,
  type AttachResult,
  type CompositionCommand,
  type CompositionCommandName,
  type DeviceFabrics,
  type GroupAssignment,
  type UnschedulableGroup,
} from './composition-commands.js';
export {
  CompositionAlreadyExistsError,
  CompositionNotFoundError,
  HealingDisabledError,
  IdempotencyConflictError,
  InvalidCompositionCommandError,
  InvalidTransitionError,
} from './composition-errors.js';
export {
  composerEventNamespace,
  compositionEventOf,
  compositionEventSchemaVersion,
  compositionFactOf,
  compositionStreamId,
  type CompositionEvent,
} from './composition-events.js';
export { compositionUpcasters, type CompositionUpcaster } from './composition-upcasters.js';
export {
  compositionFactNames,
  type AttachedDevice,
  type AttachTarget,
  type CompositionFact,
  type CompositionFactName,
} from './composition-facts.js';
export {
  absentComposition,
  bindingOf,
  compositionStatuses,
  groupsOf,
  type AbsentComposition,
  type Composition,
  type CompositionChange,
  type CompositionState,
  type CompositionStatus,
  type DeviceBinding,
} from './composition-state.js';
export { decideComposition } from './decide-composition.js';
export { evolveComposition } from './evolve-composition.js';
