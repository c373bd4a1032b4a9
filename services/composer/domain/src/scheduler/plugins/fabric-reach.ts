import { type Candidate } from '../candidate-index.js';
import { type DeviceFilterPlugin, type GroupContext } from '../framework.js';
import { success, unschedulable, type Status } from '../status.js';

/**
 * The chosen host reaches the device through the fabric (or locally), within the group's
 * `maxHops` switches when it sets a limit.
 */
export const fabricReachPlugin = {
  name: 'FabricReach',
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const route = context.cycle.index.route(context.host.id, candidate.device.id);
    if (!route) return unschedulable(`not reachable from host ${context.host.id}`);
    const maxHops = context.demand.constraints?.maxHops;
    if (maxHops !== undefined && route.hops > maxHops) {
      return unschedulable(`${route.hops} hops from the host, more than ${maxHops}`);
    }
    return success;
  },
} as const satisfies DeviceFilterPlugin;
