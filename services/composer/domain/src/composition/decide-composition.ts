import { CompositionSpecInvalidError, validateCompositionSpec } from '../spec/index.js';
import { deadlineAfter, distinctDeviceIds, inStatus, requiredText } from './command-checks.js';
import {
  type Assignment,
  type CompositionCommand,
  defaultMaxReschedules,
} from './composition-commands.js';
import {
  CompositionAlreadyExistsError,
  CompositionNotFoundError,
  IdempotencyConflictError,
  InvalidCompositionCommandError,
} from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import type { Composition, CompositionState } from './composition-state.js';
import { attachIntent, byHost, fabricsOf } from './attach-intents.js';
import { checkDeadline, recordAttachment } from './decide-attachment.js';
import {
  decompose,
  expand,
  recordDetachment,
  replaceFailedDevice,
  shrink,
} from './decide-changes.js';
import { reportNoReplacement } from './decide-healing.js';
import { sameJson } from './same-json.js';

type CommandOf<C extends CompositionCommand['command']> = Extract<
  CompositionCommand,
  { command: C }
>;

/**
 * Decides what a command on a composition means, as facts (none when a retried command or a
 * repeated observation changes nothing). Throws a typed error when the command is not allowed;
 * then nothing is appended. `now` is when the command is decided (deadlines, request time).
 */
export function decideComposition(
  command: CompositionCommand,
  state: CompositionState,
  now: Date,
): CompositionFact[] {
  if (command.command === 'Request') {
    return request(command, state, now);
  }
  if (state.status === 'absent') {
    throw new CompositionNotFoundError(command.command);
  }
  switch (command.command) {
    case 'Schedule':
      return schedule(command, state, now);
    case 'FailScheduling':
      inStatus(state, command.command, 'requested');
      return [
        {
          fact: 'Failed',
          reason: requiredText(command.reason, 'reason'),
          unschedulable: command.groups,
        },
      ];
    case 'StartAttaching':
      return startAttaching(state);
    case 'RecordAttachment':
      return recordAttachment(command, state);
    case 'CheckDeadline':
      return checkDeadline(state, now);
    case 'Expand':
      return expand(command, state, now);
    case 'Shrink':
      return shrink(command, state);
    case 'ReplaceFailedDevice':
      return replaceFailedDevice(command, state, now);
    case 'ReportNoReplacement':
      return reportNoReplacement(command, state);
    case 'Decompose':
      return decompose(command, state);
    case 'RecordDetachment':
      return recordDetachment(command, state);
  }
}

function request(
  command: CommandOf<'Request'>,
  state: CompositionState,
  now: Date,
): CompositionFact[] {
  const validation = validateCompositionSpec(command.spec);
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const idempotencyKey = requiredText(command.idempotencyKey, 'idempotencyKey');
  if (state.status !== 'absent') {
    if (state.idempotencyKey !== idempotencyKey) {
      throw new CompositionAlreadyExistsError(state.id);
    }
    if (!sameJson(state.spec, validation.spec)) {
      throw new IdempotencyConflictError(state.id, idempotencyKey);
    }
    return [];
  }
  const maxReschedules = command.maxReschedules ?? defaultMaxReschedules;
  if (!Number.isInteger(maxReschedules) || maxReschedules < 0 || maxReschedules > 10) {
    throw new InvalidCompositionCommandError('maxReschedules', 'must be an integer from 0 to 10');
  }
  return [
    {
      fact: 'Requested',
      id: requiredText(command.id, 'id'),
      spec: validation.spec,
      idempotencyKey,
      requestedBy: requiredText(command.requestedBy, 'requestedBy'),
      maxReschedules,
      requestedAt: now.toISOString(),
      ...(command.leaseId === undefined
        ? {}
        : { leaseId: requiredText(command.leaseId, 'leaseId') }),
    },
  ];
}

function schedule(
  command: CommandOf<'Schedule'>,
  composition: Composition,
  now: Date,
): CompositionFact[] {
  if (composition.status !== 'requested' && composition.reservationId === command.reservationId) {
    return [];
  }
  inStatus(composition, command.command, 'requested');
  checkAssignment(command.assignment, composition);
  return [
    {
      fact: 'Scheduled',
      hostId: command.assignment.hostId,
      groups: command.assignment.groups,
      reservationId: requiredText(command.reservationId, 'reservationId'),
      attachDeadline: deadlineAfter(command.attachDeadline, now, 'attachDeadline'),
      ...fabricsOf(
        command.fabrics,
        command.assignment.groups.flatMap((group) => group.deviceIds),
      ),
    },
  ];
}

/** The assignment must give every group of the spec (or one of its alternatives) its count. */
function checkAssignment(assignment: Assignment, composition: Composition): void {
  requiredText(assignment.hostId, 'assignment.hostId');
  const { host, groups } = composition.spec;
  if ('hostId' in host && host.hostId !== assignment.hostId) {
    throw new InvalidCompositionCommandError(
      'assignment.hostId',
      `must be "${host.hostId}", as requested`,
    );
  }
  const named = assignment.groups.map(({ group }) => group).sort();
  const expected = groups.map(({ name }) => name).sort();
  if (!sameJson(named, expected)) {
    throw new InvalidCompositionCommandError(
      'assignment.groups',
      `must assign exactly the groups ${expected.join(', ')}`,
    );
  }
  for (const { group, deviceIds } of assignment.groups) {
    const spec = groups.find(({ name }) => name === group);
    const counts = [spec, ...(spec?.alternatives ?? [])].map((shape) => shape?.count);
    if (!counts.includes(deviceIds.length)) {
      throw new InvalidCompositionCommandError(
        `assignment.groups["${group}"]`,
        `must assign ${counts.join(' or ')} devices, not ${deviceIds.length}`,
      );
    }
  }
  const deviceIds = assignment.groups.flatMap((group) => group.deviceIds);
  distinctDeviceIds(deviceIds, 'assignment.groups');
  const unusable = deviceIds.find(
    (deviceId) =>
      composition.avoidDeviceIds.includes(deviceId) ||
      composition.bindings.some((binding) => binding.deviceId === deviceId),
  );
  if (unusable !== undefined) {
    throw new InvalidCompositionCommandError(
      'assignment.groups',
      `device "${unusable}" failed an earlier attempt or is still being detached`,
    );
  }
}

function startAttaching(composition: Composition): CompositionFact[] {
  if (composition.status === 'attaching') {
    return [];
  }
  inStatus(composition, 'StartAttaching', 'scheduled');
  const deadline = composition.attachDeadline;
  if (deadline === undefined) {
    throw new Error(`composition "${composition.id}" is scheduled without an attach deadline`);
  }
  const reserved = composition.bindings.filter((binding) => binding.status === 'reserved');
  return [...byHost(reserved)].map(([hostId, bindings]) =>
    attachIntent(composition, hostId, bindings, deadline),
  );
}
