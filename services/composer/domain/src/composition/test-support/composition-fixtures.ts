import type { CompositionSpec } from '../../spec/index.js';
import type { AttachResult, CompositionCommand } from '../composition-commands.js';
import type { AttachTarget, CompositionFact } from '../composition-facts.js';
import { absentComposition, type CompositionState } from '../composition-state.js';
import { decideComposition } from '../decide-composition.js';
import { evolveComposition } from '../evolve-composition.js';

export const now = new Date('2025-12-28T10:00:00.000Z');
export const deadline = '2025-12-28T10:05:00.000Z';
export const afterDeadline = new Date('2025-12-28T10:05:00.000Z');

export const spec: CompositionSpec = {
  name: 'analytics-1',
  tenant: 'finance',
  host: { hostId: 'host-1' },
  groups: [
    {
      name: 'gpus',
      kind: 'gpu',
      count: 2,
      selectors: [{ attribute: 'memoryGiB', op: '>=', value: 80 }],
    },
    { name: 'scratch', kind: 'nvme', count: 1 },
  ],
  healing: { replaceFailed: true },
};

export const request: Extract<CompositionCommand, { command: 'Request' }> = {
  command: 'Request',
  id: 'c-1',
  spec,
  idempotencyKey: 'key-1',
  requestedBy: 'alice',
};

export const requested: CompositionFact = {
  fact: 'Requested',
  id: 'c-1',
  spec: { ...spec, priority: 100 },
  idempotencyKey: 'key-1',
  requestedBy: 'alice',
  maxReschedules: 3,
  requestedAt: now.toISOString(),
};

export const schedule: Extract<CompositionCommand, { command: 'Schedule' }> = {
  command: 'Schedule',
  assignment: {
    hostId: 'host-1',
    groups: [
      { group: 'gpus', deviceIds: ['gpu-1', 'gpu-2'] },
      { group: 'scratch', deviceIds: ['nvme-1'] },
    ],
  },
  reservationId: 'r-1',
  attachDeadline: deadline,
};

export const scheduled: CompositionFact = {
  fact: 'Scheduled',
  hostId: 'host-1',
  groups: schedule.assignment.groups,
  reservationId: 'r-1',
  attachDeadline: deadline,
};

export const devices = ['gpu-1', 'gpu-2', 'nvme-1'] as const;

/** A device of an attach intent: its `attempt`-th try, through `fabricId` when given. */
export function target(deviceId: string, attempt = 1, fabricId?: string): AttachTarget {
  return fabricId === undefined ? { deviceId, attempt } : { deviceId, attempt, fabricId };
}

/** The attach intent on host-1 of `devices` (a device id is its first try), due by `due`. */
export function attachRequested(
  devices: readonly (string | AttachTarget)[],
  due = deadline,
): CompositionFact {
  return {
    fact: 'AttachRequested',
    hostId: 'host-1',
    devices: devices.map((device) => (typeof device === 'string' ? target(device) : device)),
    deadline: due,
  };
}

/** One observation of these devices attached. */
export function attached(...deviceIds: string[]): CompositionFact {
  return {
    fact: 'DeviceAttached',
    devices: deviceIds.map((deviceId) => ({ deviceId, detail: 'ok' })),
  };
}

/** An observation's results as the command that records them. */
export function observed(...results: AttachResult[]): CompositionCommand {
  return { command: 'RecordAttachment', results };
}

export const attachedOk = (deviceId: string, attempt?: number): AttachResult => ({
  deviceId,
  outcome: 'attached',
  detail: 'ok',
  ...(attempt === undefined ? {} : { attempt }),
});

export const attachFailed = (deviceId: string, detail = 'link down'): AttachResult => ({
  deviceId,
  outcome: 'failed',
  detail,
});

/** The detach intent on host-1 of `deviceIds`, for `reason`. */
export function detachRequested(
  deviceIds: string | readonly string[],
  reason: string,
): CompositionFact {
  return {
    fact: 'DetachRequested',
    hostId: 'host-1',
    deviceIds: typeof deviceIds === 'string' ? [deviceIds] : deviceIds,
    reason,
  };
}

/** One observation of these devices detached. */
export function detached(...deviceIds: string[]): CompositionFact {
  return { fact: 'DeviceDetached', deviceIds };
}

/** An observation of these devices detached, as the command that records it. */
export function detachObserved(...deviceIds: string[]): CompositionCommand {
  return { command: 'RecordDetachment', deviceIds };
}

export const attaching: CompositionFact[] = [requested, scheduled, attachRequested(devices)];

export const ready: CompositionFact[] = [...attaching, attached(...devices), { fact: 'Ready' }];

/** given these facts, when this command (decided at `at`): the facts decided, or the error thrown. */
export function given(facts: readonly CompositionFact[]) {
  const state = facts.reduce<CompositionState>(evolveComposition, absentComposition);
  return {
    state,
    when:
      (command: CompositionCommand, at: Date = now) =>
      () =>
        decideComposition(command, state, at),
  };
}

/** The state after these facts. */
export function stateAfter(facts: readonly CompositionFact[]): CompositionState {
  return given(facts).state;
}
