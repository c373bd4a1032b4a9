import type { CompositionFact } from './composition-facts.js';
import type { Composition } from './composition-state.js';

/**
 * The attach intent for `deviceId` (attach-contract.md): `attempt` is 1 for the composition's
 * first try at this device and one more for each later try, so that an answer to an attempt
 * already given up is recognised. The fabric is not known to the composition yet (the
 * scheduler's route is not part of `Scheduled`), so `fabricId` stays absent.
 */
export function attachIntent(
  composition: Composition,
  hostId: string,
  deviceId: string,
  deadline: string,
): CompositionFact {
  const attempt = (composition.attachAttempts[deviceId] ?? 0) + 1;
  return { fact: 'AttachRequested', hostId, deviceId, attempt, deadline };
}

/** The detach intent for `deviceId`; `reason` is for people reading the host's history. */
export function detachIntent(hostId: string, deviceId: string, reason: string): CompositionFact {
  return { fact: 'DetachRequested', hostId, deviceId, reason };
}
