import {
  type Composition,
  type DeviceGroupSpec,
  groupsOf,
  InvalidCompositionCommandError,
  scheduler,
} from '@tessera/composer-domain';
import { schedulingRequestOf } from '../compose/scheduling-request-of.js';

/** The spec of the group `deviceId` is bound in; a typed error when it is in none. */
function groupOf(composition: Composition, deviceId: string): DeviceGroupSpec {
  const name = composition.bindings.find((held) => held.deviceId === deviceId)?.group;
  const group = groupsOf(composition).find((spec) => spec.name === name);
  if (group === undefined) {
    throw new InvalidCompositionCommandError(
      'deviceId',
      `"${deviceId}" is not in a group of composition "${composition.id}"`,
    );
  }
  return group;
}

/**
 * What to schedule to replace `failedDeviceId`: one device of its group's shape (or of an
 * alternative's), below the switch the group's other devices share when the group asks for one.
 */
export function replacementGroup(
  composition: Composition,
  failedDeviceId: string,
  index: scheduler.CandidateIndex,
): scheduler.GroupRequest {
  return oneOf(
    groupOf(composition, failedDeviceId),
    composition,
    sharedSwitch(composition, failedDeviceId, index),
  );
}

/**
 * The switch the devices the group keeps hang from, when the group asks for one common switch
 * (`sameSwitchAs: 'group'`) and keeps any device; seen from the composition's host.
 */
function sharedSwitch(
  composition: Composition,
  failedDeviceId: string,
  index: scheduler.CandidateIndex,
): string | undefined {
  const group = groupOf(composition, failedDeviceId);
  if (group.constraints?.sameSwitchAs !== 'group' || composition.hostId === undefined) {
    return undefined;
  }
  const hostId = composition.hostId;
  const kept = composition.bindings.find(
    (held) => held.group === group.name && held.deviceId !== failedDeviceId,
  );
  const route = kept === undefined ? undefined : index.route(hostId, kept.deviceId);
  return route === undefined ? undefined : scheduler.leafSwitchOf(route);
}

/**
 * The group's demand for one device: its own shape first, then its alternatives; below
 * `underSwitch` when the device must join the switch the group's devices share.
 */
function oneOf(
  group: DeviceGroupSpec,
  composition: Composition,
  underSwitch: string | undefined,
): scheduler.GroupRequest {
  const single: DeviceGroupSpec = {
    ...group,
    count: 1,
    alternatives: group.alternatives?.map((alternative) => ({ ...alternative, count: 1 })),
  };
  const [request] = schedulingRequestOf({ ...composition.spec, groups: [single] }).groups;
  if (request === undefined) throw new Error('a one-group spec gives one group request');
  if (underSwitch === undefined) return request;
  const below = <D extends scheduler.DeviceDemand>(demand: D): D => ({
    ...demand,
    constraints: { ...demand.constraints, underSwitch },
  });
  const { alternatives } = request;
  return {
    ...below(request),
    ...(alternatives === undefined ? {} : { alternatives: alternatives.map(below) }),
  };
}
