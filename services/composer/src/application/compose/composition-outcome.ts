import type { Assignment, Composition } from '@tessera/composer-domain';
import type { CompositionOutcome } from './request-composition.command.js';

/** What a caller is told about a stored composition. */
export function outcomeOf(composition: Composition): CompositionOutcome {
  return {
    compositionId: composition.id,
    status: composition.status,
    assignment: heldAssignment(composition),
    failure: composition.failure,
  };
}

/** The host and the devices the composition holds, by group; none before it is scheduled. */
function heldAssignment(composition: Composition): Assignment | undefined {
  if (composition.hostId === undefined || composition.bindings.length === 0) {
    return undefined;
  }
  const groups = new Map<string, string[]>();
  for (const { group, deviceId } of composition.bindings) {
    groups.set(group, [...(groups.get(group) ?? []), deviceId]);
  }
  return {
    hostId: composition.hostId,
    groups: [...groups].map(([group, deviceIds]) => ({ group, deviceIds })),
  };
}
