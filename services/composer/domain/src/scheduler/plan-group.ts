import { type Candidate } from './candidate-index.js';
import { ClosestMiss, FilterTally } from './filter-tally.js';
import { type GroupContext, type ScoredCandidate } from './framework.js';
import { type Framework } from './registry.js';
import { type Failure } from './status.js';

/** One demand's explanation material, gathered over every host it was tried on. */
export interface DemandTrace {
  readonly tally: FilterTally;
  readonly miss: ClosestMiss;
}

export function newDemandTrace(): DemandTrace {
  return { tally: new FilterTally(), miss: new ClosestMiss() };
}

export type DemandPlan =
  | { readonly code: 'success'; readonly chosen: readonly ScoredCandidate[] }
  | { readonly code: 'unschedulable' }
  | { readonly code: 'error'; readonly plugin: string; readonly message: string };

/**
 * Plans one demand on one host: pre-filters, then each device the host reaches of that kind
 * through the device filters (the first refusal counts against that filter), scores the rest,
 * lets placements narrow and order them, and takes the first `count`. Greedy: never tries
 * combinations. Devices already planned for earlier groups are not candidates.
 */
export function planDemand(
  framework: Framework,
  context: GroupContext,
  trace: DemandTrace,
): DemandPlan {
  const { demand } = context;
  const offered = context.cycle.index.reachable(context.host.id, demand.kind);
  const taken = new Set(context.planned.map((c) => c.device.id));
  const reachable = taken.size === 0 ? offered : offered.filter((c) => !taken.has(c.device.id));

  for (const plugin of framework.groupPreFilters) {
    const status = plugin.preFilterGroup(context);
    if (status.code === 'success') continue;
    return refuse(plugin.name, status, reachable, trace, 0);
  }

  const passed: Candidate[] = [];
  for (const candidate of reachable) {
    const refusal = firstRefusal(framework, candidate, context);
    if (refusal === undefined) passed.push(candidate);
    else if (refusal.status.code === 'error') {
      return { code: 'error', plugin: refusal.plugin, message: refusal.status.message };
    } else trace.tally.record(refusal.plugin, candidate.device.id);
  }

  // Candidates come in device id order and the sort is stable: equal scores stay in id order.
  let ordered = passed
    .map((candidate) => ({ candidate, score: scoreOf(framework, candidate, context) }))
    .sort((a, b) => b.score - a.score);
  for (const plugin of framework.placements) {
    const placement = plugin.place(ordered, context);
    if (placement.code !== 'success') {
      return refuse(
        plugin.name,
        placement,
        ordered.map((s) => s.candidate),
        trace,
        ordered.length,
      );
    }
    ordered = [...placement.candidates];
  }

  if (ordered.length < demand.count) {
    const reason = `needs ${demand.count} ${demand.kind}, ${ordered.length} left after filters`;
    trace.miss.record(reason, ordered.length);
    return { code: 'unschedulable' };
  }
  return { code: 'success', chosen: ordered.slice(0, demand.count) };
}

function firstRefusal(
  framework: Framework,
  candidate: Candidate,
  context: GroupContext,
): { plugin: string; status: Failure } | undefined {
  for (const plugin of framework.deviceFilters) {
    const status = plugin.filterDevice(candidate, context);
    if (status.code !== 'success') return { plugin: plugin.name, status };
  }
  return undefined;
}

function scoreOf(framework: Framework, candidate: Candidate, context: GroupContext): number {
  let total = 0;
  for (const { plugin, weight } of framework.deviceScorers) {
    total += weight * plugin.scoreDevice(candidate, context);
  }
  return total;
}

/** A refusal of the whole demand on this host: every remaining candidate counts against it. */
function refuse(
  plugin: string,
  status: Failure,
  remaining: readonly Candidate[],
  trace: DemandTrace,
  left: number,
): DemandPlan {
  if (status.code === 'error') return { code: 'error', plugin, message: status.message };
  for (const candidate of remaining) trace.tally.record(plugin, candidate.device.id);
  trace.miss.record(`${plugin}: ${status.reason}`, left);
  return { code: 'unschedulable' };
}
