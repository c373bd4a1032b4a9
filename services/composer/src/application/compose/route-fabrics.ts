import type { Assignment, DeviceFabrics, scheduler } from '@tessera/composer-domain';

/**
 * The fabric of the route the index keeps from the host to each device, for the attach intents
 * (attach-contract.md: `fabric_id`); devices without a route or whose route names no fabric are
 * left out.
 */
export function fabricsOnRoutes(
  index: scheduler.CandidateIndex,
  hostId: string,
  deviceIds: readonly string[],
): DeviceFabrics {
  const fabrics: Record<string, string> = {};
  for (const deviceId of deviceIds) {
    const fabricId = index.route(hostId, deviceId)?.fabricId;
    if (fabricId !== undefined) fabrics[deviceId] = fabricId;
  }
  return fabrics;
}

/** The fabrics of every device an assignment places on its host. */
export function fabricsOfAssignment(
  index: scheduler.CandidateIndex,
  assignment: Assignment,
): DeviceFabrics {
  return fabricsOnRoutes(
    index,
    assignment.hostId,
    assignment.groups.flatMap((group) => group.deviceIds),
  );
}
