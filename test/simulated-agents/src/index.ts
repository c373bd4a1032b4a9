/**
 * Simulated host agents for tests, benchmarks and the standalone demo: a stand-in for fleet and
 * its agents that answers the composer's attach contract (services/composer/docs/attach-contract.md).
 */
export {
  attachBatchSchemaVersion,
  attachContractSchemaVersion,
  attachRequestedType,
  detachRequestedType,
  deviceAttachObservedType,
  deviceDetachObservedType,
  intentOf,
  type Intent,
} from './attach-messages.js';
export { InvalidIntentError, InvalidResponderOptionsError } from './responder-errors.js';
export {
  decideAttach,
  decideDetach,
  type AttachDecision,
  type AttachIntent,
  type AttachOutcomeName,
  type DetachDecision,
  type DetachIntent,
  type SimulatedBehaviour,
} from './simulated-decision.js';
export {
  startSimulatedResponder,
  systemClock,
  type ResponderClock,
  type ResponderCounters,
  type SimulatedResponder,
  type SimulatedResponderOptions,
} from './simulated-responder.js';
