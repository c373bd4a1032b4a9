import { type Candidate } from '../candidate-index.js';
import { type DeviceFilterPlugin, type GroupContext } from '../framework.js';
import { type DeviceDemand } from '../scheduling-request.js';
import { success, unschedulable, type Status } from '../status.js';

/**
 * The chosen host reaches the device within the group's `maxHops` switches, when it sets a
 * limit. That the host reaches the device at all is given: candidates are what the index says
 * the host reaches, each with the route the index keeps (the shortest).
 */
export const fabricReachPlugin = {
  name: 'FabricReach',
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const { route } = candidate;
    const maxHops = context.demand.constraints?.maxHops;
    if (maxHops !== undefined && route.hops > maxHops) {
      return unschedulable(`${route.hops} hops from the host, more than ${maxHops}`);
    }
    return success;
  },
  mayRefuse: (demand: DeviceDemand) => demand.constraints?.maxHops !== undefined,
} as const satisfies DeviceFilterPlugin;
