import { type FilterTally } from './filter-tally.js';
import { type GroupTrace } from './plan-host.js';
import { type SchedulingRequest } from './scheduling-request.js';

export interface HostExplanation {
  /** Hosts looked at (all candidates when nothing fitted). */
  readonly examined: number;
  /** Per host filter, how many hosts it removed. */
  readonly filteredBy: Record<string, number>;
  readonly reason: string;
}

export interface DemandExplanation {
  readonly reason: string;
  /** Per plugin, how many distinct devices it removed on the examined hosts. */
  readonly filteredBy: Record<string, number>;
}

export interface GroupExplanation extends DemandExplanation {
  readonly name: string;
  /** On how many examined hosts the group (or an alternative) fitted on its own. */
  readonly fittedOnHosts: number;
  /** The same for each alternative, in request order. */
  readonly alternatives: readonly DemandExplanation[];
}

export interface Unschedulable {
  readonly outcome: 'unschedulable';
  readonly hosts: HostExplanation;
  readonly groups: readonly GroupExplanation[];
}

export function explainUnschedulable(
  request: SchedulingRequest,
  examined: number,
  hostTally: FilterTally,
  traces: readonly GroupTrace[],
  hostReason?: string,
): Unschedulable {
  const filteredBy = hostTally.counts();
  const removed = Object.values(filteredBy).reduce((sum, n) => sum + n, 0);
  return {
    outcome: 'unschedulable',
    hosts: { examined, filteredBy, reason: hostReason ?? whyNoHost(request, examined, removed) },
    groups: request.groups.map((group, at) => {
      const trace = traces[at];
      const [own, ...alternatives] = (trace?.demands ?? []).map((demand) => ({
        reason: demand.miss.reason ?? 'not tried: no host passed the host filters',
        filteredBy: demand.tally.counts(),
      }));
      const fittedOnHosts = trace?.fittedOn ?? 0;
      return {
        name: group.name,
        reason:
          fittedOnHosts > 0
            ? `fits on ${fittedOnHosts} examined host(s), but none fits every group`
            : (own?.reason ?? ''),
        fittedOnHosts,
        filteredBy: own?.filteredBy ?? {},
        alternatives,
      };
    }),
  };
}

function whyNoHost(request: SchedulingRequest, examined: number, removed: number): string {
  if ('hostId' in request.host && examined === 0) {
    return `host ${request.host.hostId} is not known to the scheduler`;
  }
  if (examined === 0) return 'no host is known to the scheduler';
  if (removed === examined) return 'no host passes the host filters';
  return 'no examined host fits every group';
}
