import { composer } from '@tessera/contracts';
import type { EventEnvelope } from '@tessera/event-transport';
import { InvalidIntentError } from './responder-errors.js';
import type { AttachIntent, AttachOutcomeName, DetachIntent } from './simulated-decision.js';

/** Event types are the payload messages' fully qualified names at version 1 (attach.proto). */
export const attachRequestedType = 'tessera.composer.v1.AttachRequested';
export const detachRequestedType = 'tessera.composer.v1.DetachRequested';
export const deviceAttachObservedType = 'tessera.composer.v1.DeviceAttachObserved';
export const deviceDetachObservedType = 'tessera.composer.v1.DeviceDetachObserved';
/** The version of the contract's messages of one device each. */
export const attachContractSchemaVersion = 1;
/** The version of the contract's messages that carry several devices (`…V2` in attach.proto). */
export const attachBatchSchemaVersion = 2;

/**
 * An intent as the responder answers it: one decision per device. It is answered at the
 * version it was asked in: a V2 intent with one observation of all its devices, a V1 intent
 * (one device) with a V1 observation.
 */
export type Intent =
  | {
      readonly kind: 'attach';
      readonly schemaVersion: number;
      readonly hostId: string;
      readonly devices: readonly AttachIntent[];
    }
  | {
      readonly kind: 'detach';
      readonly schemaVersion: number;
      readonly hostId: string;
      readonly devices: readonly DetachIntent[];
    };

/** The result of one device of an attach intent, as the agent observed it. */
export interface DeviceResult {
  readonly intent: AttachIntent;
  readonly outcome: AttachOutcomeName;
  readonly detail: string;
}

/**
 * The intent an envelope carries, or undefined for any other composer event (the intents
 * topic carries every composer event) or version. An intent without its ids cannot be answered.
 */
export function intentOf(envelope: EventEnvelope): Intent | undefined {
  const { type, schemaVersion } = envelope;
  if (type === attachRequestedType && schemaVersion === attachBatchSchemaVersion) {
    const { compositionId, hostId, deadline, devices } = composer.AttachRequestedV2.fromJSON(
      envelope.data,
    );
    const intents = devices.map(({ deviceId, attempt, fabricId }) => ({
      compositionId,
      hostId,
      deviceId,
      attempt,
      deadline,
      fabricId,
    }));
    assertIdentified(envelope, { compositionId, hostId }, intents);
    return { kind: 'attach', schemaVersion, hostId, devices: intents };
  }
  if (type === detachRequestedType && schemaVersion === attachBatchSchemaVersion) {
    const { compositionId, hostId, deviceIds, reason } = composer.DetachRequestedV2.fromJSON(
      envelope.data,
    );
    const intents = deviceIds.map((deviceId) => ({ compositionId, hostId, deviceId, reason }));
    assertIdentified(envelope, { compositionId, hostId }, intents);
    return { kind: 'detach', schemaVersion, hostId, devices: intents };
  }
  if (schemaVersion !== attachContractSchemaVersion) return undefined;
  if (type === attachRequestedType) {
    const intent = composer.AttachRequested.fromJSON(envelope.data);
    assertIdentified(envelope, intent, [intent]);
    return { kind: 'attach', schemaVersion, hostId: intent.hostId, devices: [intent] };
  }
  if (type === detachRequestedType) {
    const intent = composer.DetachRequested.fromJSON(envelope.data);
    assertIdentified(envelope, intent, [intent]);
    return { kind: 'detach', schemaVersion, hostId: intent.hostId, devices: [intent] };
  }
  return undefined;
}

function assertIdentified(
  envelope: EventEnvelope,
  intent: { compositionId: string; hostId: string },
  devices: readonly { deviceId: string }[],
): void {
  const problems = (['compositionId', 'hostId'] as const)
    .filter((field) => intent[field] === '')
    .map((field) => `${field} is missing`);
  if (devices.length === 0) problems.push('devices is empty');
  devices.forEach(({ deviceId }, index) => {
    if (deviceId === '') {
      problems.push(
        devices.length === 1 ? 'deviceId is missing' : `devices[${index}].deviceId is missing`,
      );
    }
  });
  if (problems.length > 0) {
    throw new InvalidIntentError(envelope.type, envelope.id, problems);
  }
}

/** The observation of an attach intent's `results`, at the intent's `schemaVersion`. */
export function attachObservedData(
  schemaVersion: number,
  results: readonly DeviceResult[],
  observedAt: Date,
): unknown {
  const [first] = results;
  if (first === undefined) throw new Error('an attach observation needs at least one result');
  const { compositionId, hostId } = first.intent;
  if (schemaVersion === attachBatchSchemaVersion) {
    return composer.DeviceAttachObservedV2.toJSON({
      compositionId,
      hostId,
      results: results.map(({ intent, outcome, detail }) => ({
        deviceId: intent.deviceId,
        attempt: intent.attempt,
        outcome: outcomeMessage(outcome),
        detail,
      })),
      observedAt: observedAt.toISOString(),
    });
  }
  return composer.DeviceAttachObserved.toJSON({
    compositionId,
    hostId,
    deviceId: first.intent.deviceId,
    outcome: outcomeMessage(first.outcome),
    detail: first.detail,
    observedAt: observedAt.toISOString(),
    attempt: first.intent.attempt,
  });
}

/** The observation of a detach intent's devices, detached, at the intent's `schemaVersion`. */
export function detachObservedData(
  schemaVersion: number,
  detached: readonly { readonly intent: DetachIntent; readonly detail: string }[],
  observedAt: Date,
): unknown {
  const [first] = detached;
  if (first === undefined) throw new Error('a detach observation needs at least one device');
  const { compositionId, hostId } = first.intent;
  if (schemaVersion === attachBatchSchemaVersion) {
    return composer.DeviceDetachObservedV2.toJSON({
      compositionId,
      hostId,
      devices: detached.map(({ intent, detail }) => ({ deviceId: intent.deviceId, detail })),
      observedAt: observedAt.toISOString(),
    });
  }
  return composer.DeviceDetachObserved.toJSON({
    compositionId,
    hostId,
    deviceId: first.intent.deviceId,
    detail: first.detail,
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
