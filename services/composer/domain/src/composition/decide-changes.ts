import { CompositionSpecInvalidError, validateDeviceGroup } from '../spec/index.js';
import { deadlineAfter, distinctDeviceIds, inStatus, requiredText } from './command-checks.js';
import type { CompositionCommand } from './composition-commands.js';
import { HealingDisabledError, InvalidCompositionCommandError } from './composition-errors.js';
import { attachIntent, detachIntents, fabricsOf, withFabric } from './attach-intents.js';
import type { CompositionFact } from './composition-facts.js';
import { bindingOf, type Composition, groupsOf, hostOf, isOnHost } from './composition-state.js';
import { sameJson } from './same-json.js';

type CommandOf<C extends CompositionCommand['command']> = Extract<
  CompositionCommand,
  { command: C }
>;

const maxGroups = 16;

/** Adds a group to a ready composition; its devices are already reserved by the caller. */
export function expand(
  command: CommandOf<'Expand'>,
  composition: Composition,
  now: Date,
): CompositionFact[] {
  const { change } = composition;
  if (change?.change === 'expansion' && change.reservationId === command.reservationId) {
    return [];
  }
  inStatus(composition, command.command, 'ready');
  const validation = validateDeviceGroup(command.group);
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const group = validation.group;
  const groups = groupsOf(composition);
  if (groups.some(({ name }) => name === group.name)) {
    throw new InvalidCompositionCommandError(
      'group.name',
      `"${group.name}" is already a group of this composition`,
    );
  }
  if (groups.length >= maxGroups) {
    throw new InvalidCompositionCommandError(
      'group',
      `a composition has at most ${maxGroups} groups`,
    );
  }
  const counts = [group, ...(group.alternatives ?? [])].map(({ count }) => count);
  if (!counts.includes(command.deviceIds.length)) {
    throw new InvalidCompositionCommandError(
      'deviceIds',
      `must name ${counts.join(' or ')} devices`,
    );
  }
  checkNewDevices(command.deviceIds, composition, 'deviceIds');
  const hostId = hostOf(composition);
  const attachDeadline = deadlineAfter(command.attachDeadline, now, 'attachDeadline');
  const fabrics = fabricsOf(command.fabrics, command.deviceIds);
  return [
    {
      fact: 'ExpansionStarted',
      hostId,
      group,
      deviceIds: command.deviceIds,
      reservationId: requiredText(command.reservationId, 'reservationId'),
      attachDeadline,
      ...fabrics,
    },
    attachIntent(
      composition,
      hostId,
      command.deviceIds.map((deviceId) => withFabric(deviceId, fabrics.fabrics)),
      attachDeadline,
    ),
  ];
}

/** Detaches some devices of a ready composition; at least one device must stay. */
export function shrink(command: CommandOf<'Shrink'>, composition: Composition): CompositionFact[] {
  const { change } = composition;
  if (
    change?.change === 'shrink' &&
    sameJson([...change.deviceIds].sort(), [...command.deviceIds].sort())
  ) {
    return [];
  }
  inStatus(composition, command.command, 'ready');
  distinctDeviceIds(command.deviceIds, 'deviceIds');
  const attached = composition.bindings.filter((binding) => binding.status === 'attached');
  const stranger = command.deviceIds.find(
    (deviceId) => !attached.some((binding) => binding.deviceId === deviceId),
  );
  if (stranger !== undefined) {
    throw new InvalidCompositionCommandError(
      'deviceIds',
      `"${stranger}" is not attached to composition "${composition.id}"`,
    );
  }
  if (attached.length === command.deviceIds.length) {
    throw new InvalidCompositionCommandError(
      'deviceIds',
      'would leave no device: decompose the composition instead',
    );
  }
  return [
    { fact: 'ShrinkStarted', deviceIds: command.deviceIds },
    ...detachIntents(
      attached.filter(({ deviceId }) => command.deviceIds.includes(deviceId)),
      'shrink',
    ),
  ];
}

/**
 * Replaces a failed device of a ready composition that asks for healing. The failed device is
 * detached only once its replacement is attached, so a replacement that fails leaves the
 * composition as it was and another one can be tried.
 */
export function replaceFailedDevice(
  command: CommandOf<'ReplaceFailedDevice'>,
  composition: Composition,
  now: Date,
): CompositionFact[] {
  const { change } = composition;
  if (change?.change === 'replacement' && change.reservationId === command.reservationId) {
    return [];
  }
  inStatus(composition, command.command, 'ready');
  if (composition.spec.healing?.replaceFailed !== true) {
    throw new HealingDisabledError(composition.id);
  }
  const failed = bindingOf(composition, command.failedDeviceId);
  if (failed?.status !== 'attached') {
    throw new InvalidCompositionCommandError(
      'failedDeviceId',
      `"${command.failedDeviceId}" is not attached to composition "${composition.id}"`,
    );
  }
  checkNewDevices([command.replacementDeviceId], composition, 'replacementDeviceId');
  const hostId = hostOf(composition);
  const attachDeadline = deadlineAfter(command.attachDeadline, now, 'attachDeadline');
  const fabrics = fabricsOf(command.fabrics, [command.replacementDeviceId]);
  return [
    {
      fact: 'DeviceReplacementStarted',
      hostId,
      group: failed.group,
      failedDeviceId: failed.deviceId,
      replacementDeviceId: command.replacementDeviceId,
      reservationId: requiredText(command.reservationId, 'reservationId'),
      attachDeadline,
      ...fabrics,
    },
    attachIntent(
      composition,
      hostId,
      [withFabric(command.replacementDeviceId, fabrics.fabrics)],
      attachDeadline,
    ),
  ];
}

/**
 * Gives everything back, from any state: detaches what is on the host and ends once every
 * detach is observed (at once when nothing is). Repeating it changes nothing.
 */
export function decompose(
  command: CommandOf<'Decompose'>,
  composition: Composition,
): CompositionFact[] {
  if (composition.status === 'decomposing' || composition.status === 'decomposed') {
    return [];
  }
  const reason = requiredText(command.reason, 'reason');
  const onHost = composition.bindings.filter(isOnHost);
  const detaching = composition.bindings.some((binding) => binding.status === 'detaching');
  return [
    {
      fact: 'DecomposeRequested',
      reason,
      requestedBy: requiredText(command.requestedBy, 'requestedBy'),
    },
    ...detachIntents(onHost, `decomposed: ${reason}`),
    ...(onHost.length === 0 && !detaching ? [{ fact: 'Decomposed' } as const] : []),
  ];
}

/**
 * An agent's observation that devices are detached. Only awaited detaches change anything: a
 * repeated observation, or one of a detach nobody asked for, is ignored (a device that vanishes
 * from a ready composition is the health rules' and healing's business). The detached devices
 * are recorded together.
 */
export function recordDetachment(
  command: CommandOf<'RecordDetachment'>,
  composition: Composition,
): CompositionFact[] {
  const detached = [
    ...new Set(
      command.deviceIds.filter(
        (deviceId) => bindingOf(composition, deviceId)?.status === 'detaching',
      ),
    ),
  ];
  if (detached.length === 0) {
    return [];
  }
  const others = composition.bindings.filter((binding) => !detached.includes(binding.deviceId));
  const { change } = composition;
  const shrunk =
    composition.status === 'shrinking' &&
    change?.change === 'shrink' &&
    !others.some((binding) => change.deviceIds.includes(binding.deviceId));
  const decomposed = composition.status === 'decomposing' && others.length === 0;
  return [
    { fact: 'DeviceDetached', deviceIds: detached },
    ...(shrunk ? [{ fact: 'Shrunk', deviceIds: change.deviceIds } as const] : []),
    ...(decomposed ? [{ fact: 'Decomposed' } as const] : []),
  ];
}

/** Devices joining a composition must be new to it. */
function checkNewDevices(
  deviceIds: readonly string[],
  composition: Composition,
  field: string,
): void {
  distinctDeviceIds(deviceIds, field);
  const known = deviceIds.find((deviceId) => bindingOf(composition, deviceId) !== undefined);
  if (known !== undefined) {
    throw new InvalidCompositionCommandError(
      field,
      `"${known}" is already a device of composition "${composition.id}"`,
    );
  }
}
