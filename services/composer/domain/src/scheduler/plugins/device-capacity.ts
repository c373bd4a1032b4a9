import { type Candidate } from '../candidate-index.js';
import { type DeviceFilterPlugin, type GroupContext } from '../framework.js';
import { success, unschedulable, type Status } from '../status.js';

// Refusals are answered for most devices of a filling pool: built once, not per device.
const inUse = unschedulable('in use, and the group does not allow sharing');
const sharedToItsLimit = unschedulable('shared by as many compositions as it allows');

/**
 * Only devices with room: a free device always; one that other compositions already use only
 * when the group allows sharing and the device's `maxCompositions` is not reached. Usage is the
 * index's (ledger-fed) allocation count.
 */
export const deviceCapacityPlugin = {
  name: 'DeviceCapacity',
  perDevice: true,
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const { allocations, device } = candidate;
    if (allocations === 0) return success;
    if (context.demand.constraints?.allowShared !== true) return inUse;
    if (allocations >= device.maxCompositions) return sharedToItsLimit;
    return success;
  },
} as const satisfies DeviceFilterPlugin;
