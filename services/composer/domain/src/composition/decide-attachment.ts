import type { AttachResult, CompositionCommand } from './composition-commands.js';
import { InvalidCompositionCommandError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import { detachIntents } from './attach-intents.js';
import { bindingOf, type Composition, type DeviceBinding, isOnHost } from './composition-state.js';

type RecordAttachment = Extract<CompositionCommand, { command: 'RecordAttachment' }>;

/**
 * An agent's observation of the devices of an attach intent. Only results for devices whose
 * attach is awaited (at the attempt awaited) change anything: repeated or late results (the
 * attempt was already given up) are ignored. The attached devices are recorded together; a
 * failure gives the step up.
 */
export function recordAttachment(
  command: RecordAttachment,
  composition: Composition,
): CompositionFact[] {
  const awaited = awaitedResults(command, composition);
  const attached = awaited.filter(({ outcome }) => outcome === 'attached');
  const recorded: CompositionFact[] =
    attached.length === 0
      ? []
      : [
          {
            fact: 'DeviceAttached',
            devices: attached.map(({ deviceId, detail }) => ({ deviceId, detail })),
          },
        ];
  const failure = awaited.find(({ outcome }) => outcome === 'failed');
  if (failure === undefined) {
    if (attached.length === 0) return [];
    return [...recorded, ...afterAttached(composition, new Set(attached.map((r) => r.deviceId)))];
  }
  const { deviceId, detail } = failure;
  return [
    ...recorded,
    { fact: 'DeviceAttachFailed', deviceId, detail },
    ...abandonAttach(composition, `device "${deviceId}" failed to attach: ${detail}`, {
      failedDeviceId: deviceId,
      avoid: [deviceId],
    }),
  ];
}

/**
 * The results that answer an attach still awaited, each device once (the first result wins).
 * A result for a device the composition does not hold makes the command invalid.
 */
function awaitedResults(command: RecordAttachment, composition: Composition): AttachResult[] {
  const seen = new Set<string>();
  return command.results.filter((result, index) => {
    const binding = bindingOf(composition, result.deviceId);
    if (binding === undefined) {
      throw new InvalidCompositionCommandError(
        `results[${index}].deviceId`,
        `"${result.deviceId}" is not a device of composition "${composition.id}"`,
      );
    }
    const awaited =
      binding.status === 'attaching' &&
      !seen.has(result.deviceId) &&
      (result.attempt === undefined ||
        result.attempt === composition.attachAttempts[result.deviceId]);
    seen.add(result.deviceId);
    return awaited;
  });
}

/** Gives up an attach in flight once its deadline has come; a late or early check does nothing. */
export function checkDeadline(composition: Composition, now: Date): CompositionFact[] {
  const deadline = composition.attachDeadline;
  if (deadline === undefined || now.getTime() < Date.parse(deadline)) {
    return [];
  }
  const idsOf = (status: DeviceBinding['status']): string[] =>
    composition.bindings
      .filter((binding) => binding.status === status)
      .map(({ deviceId }) => deviceId);
  // Reserved devices never got an intent (attaching never started): they are not to blame.
  const silent = idsOf('attaching');
  const pendingDeviceIds = [...idsOf('reserved'), ...silent];
  const reason = `attach deadline ${deadline} passed before ${pendingDeviceIds.join(', ')} attached`;
  return [
    { fact: 'AttachDeadlinePassed', deadline, pendingDeviceIds },
    ...abandonAttach(composition, reason, { failedDeviceId: undefined, avoid: silent }),
  ];
}

/** What completes once `attached` leaves no device awaited. */
function afterAttached(composition: Composition, attached: ReadonlySet<string>): CompositionFact[] {
  const awaited = composition.bindings.some(
    (binding) => binding.status === 'attaching' && !attached.has(binding.deviceId),
  );
  const change = composition.change;
  if (awaited) {
    return [];
  }
  switch (composition.status) {
    case 'attaching':
      return [{ fact: 'Ready' }];
    case 'expanding':
      return change?.change === 'expansion' ? [{ fact: 'Expanded', group: change.group.name }] : [];
    case 'healing': {
      const failed =
        change?.change === 'replacement'
          ? bindingOf(composition, change.failedDeviceId)
          : undefined;
      if (change?.change !== 'replacement' || failed === undefined) {
        return [];
      }
      return [
        ...detachIntents([failed], `replaced by ${change.replacementDeviceId}`),
        {
          fact: 'DeviceReplaced',
          failedDeviceId: change.failedDeviceId,
          replacementDeviceId: change.replacementDeviceId,
        },
      ];
    }
    case 'requested':
    case 'scheduled':
    case 'ready':
    case 'shrinking':
    case 'decomposing':
    case 'decomposed':
    case 'failed':
      return [];
  }
}

/**
 * Gives an attach up: detaches what it put on the host (attached, or still attaching since a
 * late attach must not stay behind; not the device whose attach failed), releases its
 * reservation, then retries elsewhere (`Rescheduling`, avoiding the devices to blame) while
 * attempts remain, or ends the composition or change.
 */
function abandonAttach(
  composition: Composition,
  reason: string,
  blame: { readonly failedDeviceId: string | undefined; readonly avoid: readonly string[] },
): CompositionFact[] {
  const { failedDeviceId, avoid } = blame;
  const detach = (belongs: (binding: DeviceBinding) => boolean): CompositionFact[] =>
    detachIntents(
      composition.bindings.filter(
        (binding) => isOnHost(binding) && binding.deviceId !== failedDeviceId && belongs(binding),
      ),
      `rollback: ${reason}`,
    );
  const change = composition.change;
  switch (composition.status) {
    case 'scheduled':
    case 'attaching':
      return [
        ...detach(() => true),
        ...(composition.reservationId === undefined
          ? []
          : [{ fact: 'ReservationReleased', reservationId: composition.reservationId } as const]),
        composition.reschedules < composition.maxReschedules
          ? {
              fact: 'Rescheduling',
              attempt: composition.reschedules + 1,
              reason,
              avoidDeviceIds: avoid,
            }
          : {
              fact: 'Failed',
              reason: `${reason}; gave up after ${composition.reschedules} reschedules`,
              unschedulable: [],
            },
      ];
    case 'expanding':
      return change?.change === 'expansion'
        ? [
            ...detach((binding) => binding.group === change.group.name),
            { fact: 'ReservationReleased', reservationId: change.reservationId },
            { fact: 'ExpansionAbandoned', group: change.group.name, reason },
          ]
        : [];
    case 'healing':
      return change?.change === 'replacement'
        ? [
            ...detach((binding) => binding.deviceId === change.replacementDeviceId),
            { fact: 'ReservationReleased', reservationId: change.reservationId },
            { fact: 'ReplacementAbandoned', failedDeviceId: change.failedDeviceId, reason },
          ]
        : [];
    case 'requested':
    case 'ready':
    case 'shrinking':
    case 'decomposing':
    case 'decomposed':
    case 'failed':
      return [];
  }
}
