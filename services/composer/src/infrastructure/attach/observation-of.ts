import { composer } from '@tessera/contracts';
import type { EventEnvelope } from '@tessera/event-transport';
import type { AttachObservation } from '../../application/attach/index.js';

const attachObserved = 'tessera.composer.v1.DeviceAttachObserved';
const detachObserved = 'tessera.composer.v1.DeviceDetachObserved';

/**
 * The observation an event on the fleet topic carries, or undefined for every other type (the
 * topic carries all of fleet's events) and for an attach answer without a known outcome.
 */
export function observationOf(envelope: EventEnvelope): AttachObservation | undefined {
  switch (envelope.type) {
    case attachObserved: {
      const message = composer.DeviceAttachObserved.fromJSON(envelope.data);
      const outcome = outcomeOf(message.outcome);
      return outcome === undefined
        ? undefined
        : {
            observed: 'attach',
            compositionId: message.compositionId,
            deviceId: message.deviceId,
            attempt: message.attempt,
            outcome,
            detail: message.detail,
          };
    }
    case detachObserved: {
      const message = composer.DeviceDetachObserved.fromJSON(envelope.data);
      return {
        observed: 'detach',
        compositionId: message.compositionId,
        deviceId: message.deviceId,
        detail: message.detail,
      };
    }
    default:
      return undefined;
  }
}

function outcomeOf(outcome: composer.AttachOutcome): 'attached' | 'failed' | undefined {
  switch (outcome) {
    case composer.AttachOutcome.ATTACH_OUTCOME_ATTACHED:
      return 'attached';
    case composer.AttachOutcome.ATTACH_OUTCOME_FAILED:
      return 'failed';
    case composer.AttachOutcome.ATTACH_OUTCOME_UNSPECIFIED:
    case composer.AttachOutcome.UNRECOGNIZED:
      return undefined;
  }
}
