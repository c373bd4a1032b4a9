import type { DeviceFabrics } from './composition-commands.js';
import { InvalidCompositionCommandError } from './composition-errors.js';
import { requiredText } from './command-checks.js';
import type { CompositionFact } from './composition-facts.js';
import type { Composition } from './composition-state.js';

/**
 * The attach intent for `deviceId` (attach-contract.md): `attempt` is 1 for the composition's
 * first try at this device and one more for each later try, so that an answer to an attempt
 * already given up is recognised. `fabricId` is the fabric of the route the scheduler chose,
 * when it knew one.
 */
export function attachIntent(
  composition: Composition,
  hostId: string,
  deviceId: string,
  deadline: string,
  fabricId: string | undefined,
): CompositionFact {
  const attempt = (composition.attachAttempts[deviceId] ?? 0) + 1;
  return {
    fact: 'AttachRequested',
    hostId,
    deviceId,
    attempt,
    deadline,
    ...(fabricId === undefined ? {} : { fabricId }),
  };
}

/** The fabrics of `deviceIds` among `fabrics`, checked: each a device of the command, named. */
export function fabricsOf(
  fabrics: DeviceFabrics | undefined,
  deviceIds: readonly string[],
): { fabrics?: DeviceFabrics } {
  if (fabrics === undefined) return {};
  const kept: Record<string, string> = {};
  for (const [deviceId, fabricId] of Object.entries(fabrics)) {
    if (!deviceIds.includes(deviceId)) {
      throw new InvalidCompositionCommandError(
        `fabrics["${deviceId}"]`,
        'names a device the command does not place',
      );
    }
    kept[deviceId] = requiredText(fabricId, `fabrics["${deviceId}"]`);
  }
  return Object.keys(kept).length === 0 ? {} : { fabrics: kept };
}

/** The detach intent for `deviceId`; `reason` is for people reading the host's history. */
export function detachIntent(hostId: string, deviceId: string, reason: string): CompositionFact {
  return { fact: 'DetachRequested', hostId, deviceId, reason };
}
