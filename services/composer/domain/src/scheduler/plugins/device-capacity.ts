import { type Candidate } from '../candidate-index.js';
import { type DeviceFilterPlugin, type GroupContext } from '../framework.js';
import { success, unschedulable, type Status } from '../status.js';

/**
 * Only devices with room: a free device always; one that other compositions already use only
 * when the group allows sharing and the device's `maxCompositions` is not reached. Usage is the
 * index's (ledger-fed) allocation count.
 */
export const deviceCapacityPlugin = {
  name: 'DeviceCapacity',
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const { allocations, device } = candidate;
    if (allocations === 0) return success;
    if (context.demand.constraints?.allowShared !== true) {
      return unschedulable(`in use by ${allocations} composition(s) and sharing not allowed`);
    }
    if (allocations >= device.maxCompositions) {
      return unschedulable(`shared by ${allocations} of at most ${device.maxCompositions}`);
    }
    return success;
  },
} as const satisfies DeviceFilterPlugin;
