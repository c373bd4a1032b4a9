import { composer } from '@tessera/contracts';
import type { EventEnvelope } from '@tessera/event-transport';
import { InvalidIntentError } from './responder-errors.js';
import type { AttachIntent, AttachOutcomeName, DetachIntent } from './simulated-decision.js';

/** Event types are the payload messages' fully qualified names (attach.proto), version 1. */
export const attachRequestedType = 'tessera.composer.v1.AttachRequested';
export const detachRequestedType = 'tessera.composer.v1.DetachRequested';
export const deviceAttachObservedType = 'tessera.composer.v1.DeviceAttachObserved';
export const deviceDetachObservedType = 'tessera.composer.v1.DeviceDetachObserved';
export const attachContractSchemaVersion = 1;

export type Intent =
  | { readonly kind: 'attach'; readonly intent: AttachIntent }
  | { readonly kind: 'detach'; readonly intent: DetachIntent };

/**
 * The intent an envelope carries, or undefined for any other composer event (the intents
 * topic carries every composer event). An intent without its ids cannot be answered.
 */
export function intentOf(envelope: EventEnvelope): Intent | undefined {
  if (envelope.schemaVersion !== attachContractSchemaVersion) return undefined;
  if (envelope.type === attachRequestedType) {
    const intent = composer.AttachRequested.fromJSON(envelope.data);
    assertIdentified(envelope, intent);
    return { kind: 'attach', intent };
  }
  if (envelope.type === detachRequestedType) {
    const intent = composer.DetachRequested.fromJSON(envelope.data);
    assertIdentified(envelope, intent);
    return { kind: 'detach', intent };
  }
  return undefined;
}

function assertIdentified(
  envelope: EventEnvelope,
  intent: { compositionId: string; hostId: string; deviceId: string },
): void {
  const problems = (['compositionId', 'hostId', 'deviceId'] as const)
    .filter((field) => intent[field] === '')
    .map((field) => `${field} is missing`);
  if (problems.length > 0) {
    throw new InvalidIntentError(envelope.type, envelope.id, problems);
  }
}

export function attachObservedData(
  intent: AttachIntent,
  outcome: AttachOutcomeName,
  detail: string,
  observedAt: Date,
): unknown {
  return composer.DeviceAttachObserved.toJSON({
    compositionId: intent.compositionId,
    hostId: intent.hostId,
    deviceId: intent.deviceId,
    outcome: outcomeMessage(outcome),
    detail,
    observedAt: observedAt.toISOString(),
    attempt: intent.attempt,
  });
}

export function detachObservedData(
  intent: DetachIntent,
  detail: string,
  observedAt: Date,
): unknown {
  return composer.DeviceDetachObserved.toJSON({
    compositionId: intent.compositionId,
    hostId: intent.hostId,
    deviceId: intent.deviceId,
    detail,
    observedAt: observedAt.toISOString(),
  });
}

function outcomeMessage(outcome: AttachOutcomeName): composer.AttachOutcome {
  switch (outcome) {
    case 'attached':
      return composer.AttachOutcome.ATTACH_OUTCOME_ATTACHED;
    case 'failed':
      return composer.AttachOutcome.ATTACH_OUTCOME_FAILED;
  }
}
