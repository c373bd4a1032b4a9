import { type Candidate, type HostRecord } from './candidate-index.js';
import {
  type GroupContext,
  type ScheduledGroup,
  type ScoredCandidate,
  type SchedulingCycle,
} from './framework.js';
import { type DeviceVerdicts } from './device-verdicts.js';
import { newDemandTrace, planDemand, type DemandTrace } from './plan-group.js';
import { type Framework } from './registry.js';
import { type GroupRequest } from './scheduling-request.js';

/** Explanation material per group: index 0 is its own demand, then its alternatives. */
export interface GroupTrace {
  readonly demands: readonly DemandTrace[];
  /** On how many examined hosts some demand of the group fitted. */
  fittedOn: number;
}

export function newGroupTrace(group: GroupRequest): GroupTrace {
  return {
    demands: [group, ...(group.alternatives ?? [])].map(() => newDemandTrace()),
    fittedOn: 0,
  };
}

export type HostPlan =
  | {
      readonly code: 'success';
      readonly groups: readonly ScheduledGroup[];
      /** The mean weighted device score of the chosen devices. */
      readonly deviceScore: number;
    }
  | { readonly code: 'unschedulable' }
  | { readonly code: 'error'; readonly plugin: string; readonly message: string };

/**
 * Plans every group on one host, in request order; each group takes its own demand, or the
 * first alternative that fits. Devices chosen by earlier groups are not offered to later ones.
 * With `traces` (explaining), groups after a failed one are still tried, so that every group
 * is explained; without, the host is given up at the first group that does not fit.
 */
export function planHost(
  framework: Framework,
  verdicts: DeviceVerdicts,
  cycle: SchedulingCycle,
  host: HostRecord,
  traces: readonly GroupTrace[] | undefined,
): HostPlan {
  const planned: Candidate[] = [];
  const scored: ScoredCandidate[] = [];
  const groups: ScheduledGroup[] = [];
  let feasible = true;
  for (const [at, group] of cycle.request.groups.entries()) {
    const trace = traces?.[at];
    const demands = [group, ...(group.alternatives ?? [])];
    let placed = false;
    for (const [option, demand] of demands.entries()) {
      const context: GroupContext = { cycle, host, groupName: group.name, demand, planned };
      const plan = planDemand(framework, verdicts, context, trace?.demands[option]);
      if (plan.code === 'error') return plan;
      if (plan.code === 'unschedulable') continue;
      planned.push(...plan.chosen.map((s) => s.candidate));
      scored.push(...plan.chosen);
      groups.push({
        name: group.name,
        alternative: option === 0 ? null : option - 1,
        deviceIds: plan.chosen.map((s) => s.candidate.device.id),
      });
      if (trace) trace.fittedOn += 1;
      placed = true;
      break;
    }
    feasible &&= placed;
    if (!feasible && !traces) return { code: 'unschedulable' };
  }
  if (!feasible) return { code: 'unschedulable' };
  const deviceScore =
    scored.length === 0 ? 0 : scored.reduce((sum, s) => sum + s.score, 0) / scored.length;
  return { code: 'success', groups, deviceScore };
}
