import { type Decision, type ReservePlugin, type SchedulingCycle } from '../framework.js';
import { success, type Status } from '../status.js';

/**
 * Counts a decision's devices as allocated in the index at once, so that decisions taken
 * before the ledger's events arrive do not choose them again. The ledger's next allocation
 * count for a device replaces the assumption; unreserve takes it back if the ledger refused.
 */
export const assumeInIndexPlugin = {
  name: 'AssumeInIndex',
  reserve(decision: Decision, cycle: SchedulingCycle): Status {
    for (const deviceId of deviceIdsOf(decision)) cycle.index.addAllocations(deviceId, 1);
    return success;
  },
  unreserve(decision: Decision, cycle: SchedulingCycle): void {
    for (const deviceId of deviceIdsOf(decision)) cycle.index.addAllocations(deviceId, -1);
  },
} as const satisfies ReservePlugin;

function deviceIdsOf(decision: Decision): string[] {
  return decision.groups.flatMap((group) => group.deviceIds);
}
