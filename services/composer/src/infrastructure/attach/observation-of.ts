import { composer } from '@tessera/contracts';
import type { EventEnvelope } from '@tessera/event-transport';
import type { AttachResult } from '@tessera/composer-domain';
import type { AttachObservation } from '../../application/attach/index.js';

const attachObserved = 'tessera.composer.v1.DeviceAttachObserved';
const detachObserved = 'tessera.composer.v1.DeviceDetachObserved';

/**
 * The observation an event on the fleet topic carries, or undefined for every other type (the
 * topic carries all of fleet's events) and for an attach answer without a known outcome. An
 * attach observation is read at either version: V2 reports the devices of one intent, V1 one
 * device (agents that answer the intents recorded before V2).
 */
export function observationOf(envelope: EventEnvelope): AttachObservation | undefined {
  switch (envelope.type) {
    case attachObserved:
      return attachObservationOf(envelope);
    case detachObserved:
      return detachObservationOf(envelope);
    default:
      return undefined;
  }
}

function attachObservationOf(envelope: EventEnvelope): AttachObservation | undefined {
  const { compositionId, results } = reportedResults(envelope);
  const known: AttachResult[] = [];
  for (const { deviceId, attempt, outcome, detail } of results) {
    const knownOutcome = outcomeOf(outcome);
    if (knownOutcome !== undefined)
      known.push({ deviceId, attempt, outcome: knownOutcome, detail });
  }
  return known.length === 0 ? undefined : { observed: 'attach', compositionId, results: known };
}

function detachObservationOf(envelope: EventEnvelope): AttachObservation | undefined {
  if (envelope.schemaVersion >= 2) {
    const { compositionId, devices } = composer.DeviceDetachObservedV2.fromJSON(envelope.data);
    const deviceIds = devices.map(({ deviceId }) => deviceId);
    return deviceIds.length === 0 ? undefined : { observed: 'detach', compositionId, deviceIds };
  }
  const { compositionId, deviceId } = composer.DeviceDetachObserved.fromJSON(envelope.data);
  return { observed: 'detach', compositionId, deviceIds: [deviceId] };
}

function reportedResults(envelope: EventEnvelope): composer.DeviceAttachObservedV2 {
  if (envelope.schemaVersion >= 2) return composer.DeviceAttachObservedV2.fromJSON(envelope.data);
  const { compositionId, hostId, deviceId, attempt, outcome, detail, observedAt } =
    composer.DeviceAttachObserved.fromJSON(envelope.data);
  return { compositionId, hostId, results: [{ deviceId, attempt, outcome, detail }], observedAt };
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
