import type { DeviceFabrics } from './composition-commands.js';
import { InvalidCompositionCommandError } from './composition-errors.js';
import { requiredText } from './command-checks.js';
import type { CompositionFact } from './composition-facts.js';
import type { Composition } from './composition-state.js';

/** A device to attach: the fabric of the route the scheduler chose, when it knew one. */
export interface DeviceToAttach {
  readonly deviceId: string;
  readonly fabricId?: string;
}

/**
 * The attach intent for `devices` on `hostId` (attach-contract.md): one intent for the whole
 * step. Each device's `attempt` is 1 for the composition's first try at it and one more for each
 * later try, so that an answer to an attempt already given up is recognised.
 */
export function attachIntent(
  composition: Composition,
  hostId: string,
  devices: readonly DeviceToAttach[],
  deadline: string,
): CompositionFact {
  return {
    fact: 'AttachRequested',
    hostId,
    devices: devices.map(({ deviceId, fabricId }) => ({
      deviceId,
      attempt: (composition.attachAttempts[deviceId] ?? 0) + 1,
      ...(fabricId === undefined ? {} : { fabricId }),
    })),
    deadline,
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

/** `deviceId` with its fabric among `fabrics`, when named there. */
export function withFabric(deviceId: string, fabrics: DeviceFabrics | undefined): DeviceToAttach {
  const fabricId = fabrics?.[deviceId];
  return fabricId === undefined ? { deviceId } : { deviceId, fabricId };
}

/**
 * The detach intents of `bindings`: one per host, naming its devices in order; none when there
 * is nothing to detach. `reason` is for people reading the host's history.
 */
export function detachIntents(
  bindings: readonly { readonly hostId: string; readonly deviceId: string }[],
  reason: string,
): CompositionFact[] {
  return [...byHost(bindings)].map(([hostId, onHost]) => ({
    fact: 'DetachRequested',
    hostId,
    deviceIds: onHost.map(({ deviceId }) => deviceId),
    reason,
  }));
}

/** `bindings` by host, in order: a step's intents are one per host. */
export function byHost<T extends { readonly hostId: string }>(
  bindings: readonly T[],
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const binding of bindings) {
    const onHost = grouped.get(binding.hostId);
    if (onHost === undefined) grouped.set(binding.hostId, [binding]);
    else onHost.push(binding);
  }
  return grouped;
}
