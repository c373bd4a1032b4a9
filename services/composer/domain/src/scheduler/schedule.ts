import { type CandidateIndex, type HostRecord } from './candidate-index.js';
import { DeviceVerdicts } from './device-verdicts.js';
import { explainUnschedulable, type Unschedulable } from './explain.js';
import { FilterTally } from './filter-tally.js';
import {
  type Decision,
  type ReservePlugin,
  type ScheduledGroup,
  type SchedulingCycle,
} from './framework.js';
import { type GroupTrace, newGroupTrace, planHost } from './plan-host.js';
import {
  buildFramework,
  builtinPlugins,
  type Framework,
  type PluginRegistry,
  type SchedulerConfig,
} from './registry.js';
import { compareIds, type SchedulingRequest } from './scheduling-request.js';

export type ScheduleOutcome =
  /** Devices are chosen (and, unless previewed, held by the reserve plugins). */
  | { readonly outcome: 'scheduled'; readonly hostId: string; readonly groups: ScheduledGroup[] }
  /** Nothing fits now; the explanation says which filter removed how many candidates. */
  | Unschedulable
  /** A plugin could not decide: nothing is held; fix the cause, retrying unchanged fails. */
  | { readonly outcome: 'error'; readonly plugin: string; readonly message: string };

/**
 * Chooses a host and devices for a request and holds them with the reserve plugins.
 *
 * Bounded search: hosts are examined in id order from the index's search start, wrapping
 * around (only the named one when the request names it); each decision moves the next start
 * past the hosts it examined, so a filling pool is not walked from its full end every time. A host passes when the host filters accept it and every group fits among the devices
 * it reaches. The search stops once `maxHostsToScore` hosts passed, scores those, and takes
 * the best (host scorers plus the mean score of its chosen devices; ties by host id). If a
 * reserve plugin refuses, the next best is tried. Devices are picked greedily per group.
 */
export function schedule(
  request: SchedulingRequest,
  index: CandidateIndex,
  config: SchedulerConfig,
  registry: PluginRegistry = builtinPlugins,
): ScheduleOutcome {
  return search(request, index, buildFramework(config, registry), true);
}

/** The same decision and explanations as `schedule`, without holding anything. */
export function preview(
  request: SchedulingRequest,
  index: CandidateIndex,
  config: SchedulerConfig,
  registry: PluginRegistry = builtinPlugins,
): ScheduleOutcome {
  return search(request, index, buildFramework(config, registry), false);
}

/** Releases what `schedule` held, when the ledger refused or the composition gave it back. */
export function unreserve(
  request: SchedulingRequest,
  decision: Decision,
  index: CandidateIndex,
  config: SchedulerConfig,
  registry: PluginRegistry = builtinPlugins,
): void {
  const { reservers } = buildFramework(config, registry);
  for (const plugin of [...reservers].reverse()) plugin.unreserve(decision, { request, index });
}

interface FeasibleHost {
  readonly host: HostRecord;
  readonly groups: ScheduledGroup[];
  readonly score: number;
}

function search(
  request: SchedulingRequest,
  index: CandidateIndex,
  framework: Framework,
  hold: boolean,
): ScheduleOutcome {
  const examination = examine(request, index, framework, undefined);
  if (examination.outcome === 'error') return examination;
  const { feasible, examined } = examination;
  const ranked = feasible.sort((a, b) => b.score - a.score || compareIds(a.host.id, b.host.id));
  const [best] = ranked;
  if (!best) return explain(request, index, framework);
  if (!hold) return scheduled(best);
  index.advanceSearch(examined);
  return holdBest(framework, { request, index }, ranked, () =>
    explain(request, index, framework, 'every reservation was refused'),
  );
}

/**
 * Why nothing fits: the same examination again (the index is as the first one saw it), this
 * time with every filter's refusals traced. Only failed decisions pay for the tracing.
 */
function explain(
  request: SchedulingRequest,
  index: CandidateIndex,
  framework: Framework,
  hostReason?: string,
): ScheduleOutcome {
  const traces = request.groups.map(newGroupTrace);
  const examination = examine(request, index, framework, traces);
  if (examination.outcome === 'error') return examination;
  const { examined, hostTally } = examination;
  return explainUnschedulable(request, examined, hostTally, traces, hostReason);
}

type Examination =
  | {
      readonly outcome: 'examined';
      readonly feasible: FeasibleHost[];
      readonly examined: number;
      readonly hostTally: FilterTally;
    }
  | { readonly outcome: 'error'; readonly plugin: string; readonly message: string };

/** Walks the hosts from the search start until `maxHostsToScore` passed (see `schedule`). */
function examine(
  request: SchedulingRequest,
  index: CandidateIndex,
  framework: Framework,
  traces: readonly GroupTrace[] | undefined,
): Examination {
  const cycle: SchedulingCycle = { request, index };
  const verdicts = new DeviceVerdicts(framework);
  const hostTally = new FilterTally();
  const feasible: FeasibleHost[] = [];
  let examined = 0;
  const hosts = hostsToExamine(request, index);
  const start = index.searchStart(hosts.length);
  for (let step = 0; step < hosts.length; step += 1) {
    if (feasible.length >= framework.maxHostsToScore) break;
    const host = hosts[(start + step) % hosts.length];
    if (!host) continue;
    examined += 1;
    const refusal = hostRefusal(framework, host, cycle);
    if (refusal?.status === 'error') return { outcome: 'error', ...refusal.detail };
    if (refusal) {
      hostTally.record(refusal.detail.plugin, host.id);
      continue;
    }
    const plan = planHost(framework, verdicts, cycle, host, traces);
    if (plan.code === 'error') {
      return { outcome: 'error', plugin: plan.plugin, message: plan.message };
    }
    if (plan.code === 'success') {
      const score = hostScore(framework, host, cycle) + plan.deviceScore;
      feasible.push({ host, groups: [...plan.groups], score });
    }
  }
  return { outcome: 'examined', feasible, examined, hostTally };
}

function hostsToExamine(request: SchedulingRequest, index: CandidateIndex): readonly HostRecord[] {
  if (!('hostId' in request.host)) return index.hosts();
  const host = index.host(request.host.hostId);
  return host ? [host] : [];
}

interface HostRefusal {
  readonly status: 'unschedulable' | 'error';
  readonly detail: { readonly plugin: string; readonly message: string };
}

function hostRefusal(
  framework: Framework,
  host: HostRecord,
  cycle: SchedulingCycle,
): HostRefusal | undefined {
  for (const plugin of framework.hostFilters) {
    const status = plugin.filterHost(host, cycle);
    switch (status.code) {
      case 'success':
        continue;
      case 'unschedulable':
        return { status: 'unschedulable', detail: { plugin: plugin.name, message: status.reason } };
      case 'error':
        return { status: 'error', detail: { plugin: plugin.name, message: status.message } };
    }
  }
  return undefined;
}

function hostScore(framework: Framework, host: HostRecord, cycle: SchedulingCycle): number {
  let total = 0;
  for (const { plugin, weight } of framework.hostScorers) {
    total += weight * plugin.scoreHost(host, cycle);
  }
  return total;
}

/** Reserves on the best host; a refusal undoes the reservers that held, then tries the next. */
function holdBest(
  framework: Framework,
  cycle: SchedulingCycle,
  ranked: readonly FeasibleHost[],
  allRefused: () => ScheduleOutcome,
): ScheduleOutcome {
  for (const choice of ranked) {
    const decision: Decision = { hostId: choice.host.id, groups: choice.groups };
    const held: ReservePlugin[] = [];
    let refused = false;
    for (const plugin of framework.reservers) {
      const status = plugin.reserve(decision, cycle);
      if (status.code === 'success') {
        held.push(plugin);
        continue;
      }
      for (const undo of [...held].reverse()) undo.unreserve(decision, cycle);
      if (status.code === 'error') {
        return { outcome: 'error', plugin: plugin.name, message: status.message };
      }
      refused = true;
      break;
    }
    if (!refused) return scheduled(choice);
  }
  return allRefused();
}

function scheduled(choice: FeasibleHost): ScheduleOutcome {
  return { outcome: 'scheduled', hostId: choice.host.id, groups: choice.groups };
}
