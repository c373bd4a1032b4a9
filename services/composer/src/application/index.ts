/** The composer's use cases and the ports their adapters implement. */
export {
  type AllocationLedgerPort,
  type DeviceReservation,
  DevicesTakenError,
  type LedgerReleaseTarget,
} from './ports/allocation-ledger.js';
export type { CandidateSource } from './ports/candidate-source.js';
export type { Clock } from './ports/clock.js';
export type { CommandContext } from './ports/command-context.js';
export {
  type CompositionRepository,
  type CreatedComposition,
  type LoadedComposition,
  type NewComposition,
  VersionConflictError,
} from './ports/composition-repository.js';
export type { IdGenerator } from './ports/id-generator.js';
export {
  type ComposeDeps,
  defaultAttachTimeoutMs,
  defaultMaxScheduleAttempts,
} from './compose/compose-deps.js';
export {
  type CompositionPreview,
  previewComposition,
} from './compose/preview-composition.handler.js';
export type {
  CompositionOutcome,
  RequestCompositionCommand,
} from './compose/request-composition.command.js';
export { requestComposition } from './compose/request-composition.handler.js';
export { schedulingRequestOf } from './compose/scheduling-request-of.js';
export type { CompositionsHoldingDevice } from './ports/compositions-holding-device.js';
