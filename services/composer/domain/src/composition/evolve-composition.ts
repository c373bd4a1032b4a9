import type { DeviceFabrics } from './composition-commands.js';
import type { CompositionFact } from './composition-facts.js';
import {
  absentComposition,
  type Composition,
  type CompositionState,
  type DeviceBinding,
} from './composition-state.js';

/** Applies one fact to a composition. Pure; facts are trusted (they were decided already). */
export function evolveComposition(
  state: CompositionState,
  fact: CompositionFact,
): CompositionState {
  if (fact.fact === 'Requested') {
    return {
      status: 'requested',
      id: fact.id,
      spec: fact.spec,
      expansions: [],
      idempotencyKey: fact.idempotencyKey,
      requestedBy: fact.requestedBy,
      requestedAt: fact.requestedAt,
      maxReschedules: fact.maxReschedules,
      leaseId: fact.leaseId,
      reschedules: 0,
      avoidDeviceIds: [],
      hostId: undefined,
      reservationId: undefined,
      attachDeadline: undefined,
      bindings: [],
      attachAttempts: {},
      change: undefined,
      degradedDeviceIds: [],
      failure: undefined,
    };
  }
  return state.status === 'absent' ? absentComposition : evolveExisting(state, fact);
}

function evolveExisting(
  composition: Composition,
  fact: Exclude<CompositionFact, { fact: 'Requested' }>,
): Composition {
  const rebind = (
    deviceIds: ReadonlySet<string>,
    status: DeviceBinding['status'],
  ): Composition => ({
    ...composition,
    bindings: composition.bindings.map((binding) =>
      deviceIds.has(binding.deviceId) ? { ...binding, status } : binding,
    ),
  });
  const unbind = (deviceIds: ReadonlySet<string>): Composition => ({
    ...composition,
    bindings: composition.bindings.filter((binding) => !deviceIds.has(binding.deviceId)),
    degradedDeviceIds: composition.degradedDeviceIds.filter((id) => !deviceIds.has(id)),
  });
  const reserve = (
    group: string,
    hostId: string,
    deviceIds: readonly string[],
    reservationId: string,
    fabrics: DeviceFabrics | undefined,
  ): DeviceBinding[] =>
    deviceIds.map((deviceId) => {
      const fabricId = fabrics?.[deviceId];
      return {
        deviceId,
        group,
        hostId,
        status: 'reserved',
        reservationId,
        ...(fabricId === undefined ? {} : { fabricId }),
      };
    });
  switch (fact.fact) {
    case 'Scheduled':
      return {
        ...composition,
        status: 'scheduled',
        hostId: fact.hostId,
        reservationId: fact.reservationId,
        attachDeadline: fact.attachDeadline,
        bindings: [
          ...composition.bindings,
          ...fact.groups.flatMap(({ group, deviceIds }) =>
            reserve(group, fact.hostId, deviceIds, fact.reservationId, fact.fabrics),
          ),
        ],
      };
    case 'AttachRequested': {
      const attempts = { ...composition.attachAttempts };
      for (const { deviceId, attempt } of fact.devices) attempts[deviceId] = attempt;
      const next = {
        ...rebind(new Set(fact.devices.map(({ deviceId }) => deviceId)), 'attaching'),
        attachAttempts: attempts,
      };
      return composition.status === 'scheduled' ? { ...next, status: 'attaching' } : next;
    }
    case 'DeviceAttached':
      return rebind(new Set(fact.devices.map(({ deviceId }) => deviceId)), 'attached');
    case 'DeviceAttachFailed':
      return unbind(new Set([fact.deviceId]));
    case 'AttachDeadlinePassed':
      return { ...composition, attachDeadline: undefined };
    case 'Ready':
      return {
        ...composition,
        status: 'ready',
        reservationId: undefined,
        attachDeadline: undefined,
      };
    case 'DetachRequested':
      return rebind(new Set(fact.deviceIds), 'detaching');
    case 'DeviceDetached':
      return unbind(new Set(fact.deviceIds));
    case 'ReservationReleased':
      return {
        ...composition,
        reservationId:
          composition.reservationId === fact.reservationId ? undefined : composition.reservationId,
        bindings: composition.bindings.filter((binding) => binding.status !== 'reserved'),
      };
    case 'Rescheduling':
      return {
        ...composition,
        status: 'requested',
        reschedules: fact.attempt,
        avoidDeviceIds: [...composition.avoidDeviceIds, ...fact.avoidDeviceIds],
        hostId: undefined,
        attachDeadline: undefined,
      };
    case 'Failed':
      return {
        ...composition,
        status: 'failed',
        attachDeadline: undefined,
        change: undefined,
        failure: { reason: fact.reason, unschedulable: fact.unschedulable },
      };
    case 'ExpansionStarted':
      return {
        ...composition,
        status: 'expanding',
        attachDeadline: fact.attachDeadline,
        bindings: [
          ...composition.bindings,
          ...reserve(
            fact.group.name,
            fact.hostId,
            fact.deviceIds,
            fact.reservationId,
            fact.fabrics,
          ),
        ],
        change: { change: 'expansion', group: fact.group, reservationId: fact.reservationId },
      };
    case 'Expanded':
      return {
        ...backToReady(composition),
        expansions:
          composition.change?.change === 'expansion'
            ? [...composition.expansions, composition.change.group]
            : composition.expansions,
      };
    case 'ExpansionAbandoned':
    case 'Shrunk':
    case 'ReplacementAbandoned':
      return backToReady(composition);
    case 'DeviceReplaced':
      return {
        ...backToReady(composition),
        degradedDeviceIds: composition.degradedDeviceIds.filter((id) => id !== fact.failedDeviceId),
      };
    case 'ReplacementUnavailable':
      return composition.degradedDeviceIds.includes(fact.failedDeviceId)
        ? composition
        : {
            ...composition,
            degradedDeviceIds: [...composition.degradedDeviceIds, fact.failedDeviceId],
          };
    case 'ShrinkStarted':
      return {
        ...composition,
        status: 'shrinking',
        change: { change: 'shrink', deviceIds: fact.deviceIds },
      };
    case 'DeviceReplacementStarted':
      return {
        ...composition,
        status: 'healing',
        attachDeadline: fact.attachDeadline,
        bindings: [
          ...composition.bindings,
          ...reserve(
            fact.group,
            fact.hostId,
            [fact.replacementDeviceId],
            fact.reservationId,
            fact.fabrics,
          ),
        ],
        change: {
          change: 'replacement',
          group: fact.group,
          failedDeviceId: fact.failedDeviceId,
          replacementDeviceId: fact.replacementDeviceId,
          reservationId: fact.reservationId,
        },
      };
    case 'DecomposeRequested':
      return {
        ...composition,
        status: 'decomposing',
        attachDeadline: undefined,
        change: undefined,
        bindings: composition.bindings.filter((binding) => binding.status !== 'reserved'),
      };
    case 'Decomposed':
      return { ...composition, status: 'decomposed', reservationId: undefined, bindings: [] };
  }
}

function backToReady(composition: Composition): Composition {
  return { ...composition, status: 'ready', attachDeadline: undefined, change: undefined };
}
