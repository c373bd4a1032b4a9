import { type Candidate } from './candidate-index.js';
import { ClosestMiss, FilterTally } from './filter-tally.js';
import { type GroupContext, type PlacementPlugin, type ScoredCandidate } from './framework.js';
import { RankedCandidates } from './ranked-candidates.js';
import { addScores, type DeviceVerdicts, firstRefusal } from './device-verdicts.js';
import { type Framework } from './registry.js';
import { type DeviceDemand } from './scheduling-request.js';
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
 *
 * Without a `trace` nothing is recorded for explanations: the search plans silently first and
 * plans again with traces only when it has to explain why nothing fits.
 */
export function planDemand(
  framework: Framework,
  verdicts: DeviceVerdicts,
  context: GroupContext,
  trace: DemandTrace | undefined,
): DemandPlan {
  const reachable = offeredTo(context);

  for (const plugin of framework.groupPreFilters) {
    const status = plugin.preFilterGroup(context);
    if (status.code === 'success') continue;
    return refuse(plugin.name, status, reachable, trace, 0);
  }

  const { demand } = context;
  const placements = framework.placements.filter((plugin) => plugin.appliesTo?.(demand) ?? true);
  const ranked = rankingFor(placements, demand, trace);
  const routeScorers = framework.deviceScorers.perRoute;
  const demandVerdicts = verdicts.of(demand);
  const { routeFilters } = demandVerdicts;
  for (const candidate of reachable) {
    const verdict = demandVerdicts.of(candidate, context);
    const refusal = verdict.refusal ?? firstRefusal(routeFilters, candidate, context);
    if (refusal === undefined) {
      ranked.add(candidate, addScores(verdict.score, routeScorers, candidate, context));
    } else if (refusal.status.code === 'error') {
      return { code: 'error', plugin: refusal.plugin, message: refusal.status.message };
    } else trace?.tally.record(refusal.plugin, candidate.device.id);
  }

  let ordered = ranked.best();
  for (const plugin of placements) {
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
    ordered = placement.candidates;
  }

  if (ordered.length < demand.count) {
    trace?.miss.record(
      `needs ${demand.count} ${demand.kind}, ${ordered.length} left after filters`,
      ordered.length,
    );
    return { code: 'unschedulable' };
  }
  return { code: 'success', chosen: ordered.slice(0, demand.count) };
}

/**
 * Without a placement to narrow or reorder them, only the best `count` candidates are worth
 * keeping; with one placement that groups them, the best `count` of each group; otherwise (and
 * when explaining, where refusals count every candidate) all of them.
 */
function rankingFor(
  placements: readonly PlacementPlugin[],
  demand: DeviceDemand,
  trace: DemandTrace | undefined,
): RankedCandidates {
  if (placements.length === 0) return new RankedCandidates(demand.count);
  const [only] = placements;
  if (placements.length === 1 && only?.groupOf !== undefined && trace === undefined) {
    return new RankedCandidates(
      demand.count,
      (candidate) => only.groupOf?.(candidate, demand) ?? '',
    );
  }
  return new RankedCandidates();
}

/** The devices of the demand's kind the host reaches, less those earlier groups planned. */
function offeredTo(context: GroupContext): readonly Candidate[] {
  const { demand, planned } = context;
  const offered = context.cycle.index.reachable(context.host.id, demand.kind);
  if (!planned.some((c) => c.device.kind === demand.kind)) return offered;
  const taken = new Set(planned.map((c) => c.device.id));
  return offered.filter((c) => !taken.has(c.device.id));
}

/** A refusal of the whole demand on this host: every remaining candidate counts against it. */
function refuse(
  plugin: string,
  status: Failure,
  remaining: readonly Candidate[],
  trace: DemandTrace | undefined,
  left: number,
): DemandPlan {
  if (status.code === 'error') return { code: 'error', plugin, message: status.message };
  if (!trace) return { code: 'unschedulable' };
  for (const candidate of remaining) trace.tally.record(plugin, candidate.device.id);
  trace.miss.record(`${plugin}: ${status.reason}`, left);
  return { code: 'unschedulable' };
}
