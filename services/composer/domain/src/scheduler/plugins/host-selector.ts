import { type HostRecord } from '../candidate-index.js';
import { type HostFilterPlugin, type SchedulingCycle } from '../framework.js';
import { hasLabels } from '../scheduling-request.js';
import { success, unschedulable, type Status } from '../status.js';

/**
 * The host the request names, or the hosts its selector matches. A host that does not report
 * its cores or memory never matches a minimum on them.
 */
export const hostSelectorPlugin = {
  name: 'HostSelector',
  filterHost(host: HostRecord, cycle: SchedulingCycle): Status {
    const wanted = cycle.request.host;
    if ('hostId' in wanted) {
      return host.id === wanted.hostId ? success : unschedulable(`not host ${wanted.hostId}`);
    }
    const { minCores, minMemoryGiB, labels, site, rack } = wanted.selector;
    if (minCores !== undefined && !((host.cores ?? -1) >= minCores)) {
      return unschedulable(`fewer than ${minCores} cores`);
    }
    if (minMemoryGiB !== undefined && !((host.memoryGiB ?? -1) >= minMemoryGiB)) {
      return unschedulable(`less than ${minMemoryGiB} GiB of memory`);
    }
    if (!hasLabels(host.labels, labels)) return unschedulable('labels do not match');
    if (site !== undefined && host.siteId !== site) return unschedulable(`not in site ${site}`);
    if (rack !== undefined && host.rackId !== rack) return unschedulable(`not in rack ${rack}`);
    return success;
  },
} as const satisfies HostFilterPlugin;
