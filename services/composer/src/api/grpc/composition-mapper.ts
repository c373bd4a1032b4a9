import type { Assignment, UnschedulableGroup } from '@tessera/composer-domain';
import type { composer } from '@tessera/contracts';
import type { CompositionOutcome } from '../../application/compose/request-composition.command.js';
import type { CompositionView } from '../../application/queries/index.js';
import { phaseOf } from './phase-mapper.js';
import { specOf } from './spec-mapper.js';

/** A composition of the read model as the API shows it. */
export function compositionOf(view: CompositionView): composer.Composition {
  return {
    compositionId: view.id,
    tenant: view.tenant,
    spec: specOf(view.spec),
    status: {
      phase: phaseOf(view.phase),
      reason: view.failure?.reason ?? '',
      unschedulableGroups: unschedulableGroupsOf(view.failure?.unschedulable ?? []),
      hostId: view.hostId ?? '',
      groups: groupDevicesOf(view.groups),
      reservationId: view.reservationId ?? '',
      attachDeadline: view.attachDeadline,
    },
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    version: view.version,
  };
}

/** What a command answers about the composition it created or found. */
export function outcomeStatusOf(outcome: CompositionOutcome): composer.CompositionStatus {
  return {
    phase: phaseOf(outcome.status),
    reason: outcome.failure?.reason ?? '',
    unschedulableGroups: unschedulableGroupsOf(outcome.failure?.unschedulable ?? []),
    hostId: outcome.assignment?.hostId ?? '',
    groups: groupDevicesOf(outcome.assignment?.groups ?? []),
    reservationId: '',
    attachDeadline: undefined,
  };
}

export function groupDevicesOf(groups: Assignment['groups']): composer.GroupDevices[] {
  return groups.map(({ group, deviceIds }) => ({ group, deviceIds: [...deviceIds] }));
}

export function unschedulableGroupsOf(
  groups: readonly UnschedulableGroup[],
): composer.UnschedulableGroup[] {
  return groups.map(({ group, why }) => ({ group, why }));
}
