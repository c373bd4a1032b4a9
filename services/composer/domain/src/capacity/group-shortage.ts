import {
  type CandidateIndex,
  type GroupRequest,
  leafSwitchOf,
  preview,
  type Unschedulable,
} from '../scheduler/index.js';
import type { CapacityQuestion, GroupShortage, Shortage } from './capacity-types.js';
import { isSchedulable, reachableDevices } from './usable-devices.js';

/**
 * What is short for one more composition, per group: the scheduler's reason, and the group's own
 * demand tried alone on `index` (the scratch index with every counted placement assumed) at
 * smaller counts, to find the most one host can take and where. The search halves the count
 * range, assuming fewer devices never fit worse than more.
 */
export function shortageOf(
  question: CapacityQuestion,
  index: CandidateIndex,
  unschedulable: Unschedulable,
): Shortage {
  return {
    unschedulable,
    groups: question.request.groups.map((group, at) =>
      groupShortage(question, index, group, unschedulable.groups[at]?.reason ?? ''),
    ),
  };
}

function groupShortage(
  question: CapacityQuestion,
  index: CandidateIndex,
  group: GroupRequest,
  reason: string,
): GroupShortage {
  const hostFor = (count: number) => hostTaking(question, index, group, count);
  let best = { count: 0, hostId: undefined as string | undefined };
  const whole = hostFor(group.count);
  if (whole !== undefined) best = { count: group.count, hostId: whole };
  else {
    let low = 1;
    let high = group.count - 1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const hostId = hostFor(middle);
      if (hostId === undefined) high = middle - 1;
      else {
        best = { count: middle, hostId };
        low = middle + 1;
      }
    }
  }
  return {
    group: group.name,
    kind: group.kind,
    count: group.count,
    bestFit: best.count,
    missing: group.count - best.count,
    ...(best.hostId === undefined ? {} : { closestHost: best.hostId }),
    ...reach(index, group, best.hostId),
    reason,
  };
}

/** The host the scheduler would choose for `count` of the group's own demand alone, if any. */
function hostTaking(
  question: CapacityQuestion,
  index: CandidateIndex,
  group: GroupRequest,
  count: number,
): string | undefined {
  const request = {
    ...question.request,
    groups: [{ ...group, count, alternatives: undefined }],
  };
  const outcome = preview(request, index, question.config, question.registry);
  return outcome.outcome === 'scheduled' ? outcome.hostId : undefined;
}

function reach(
  index: CandidateIndex,
  group: GroupRequest,
  hostId: string | undefined,
): Pick<GroupShortage, 'switches' | 'reachable' | 'free'> {
  const candidates =
    hostId === undefined
      ? [...(reachableDevices(index).get(group.kind)?.values() ?? [])]
      : index.reachable(hostId, group.kind);
  const switches = hostId === undefined ? [] : candidates.map((c) => leafSwitchOf(c.route));
  return {
    switches: [...new Set(switches)].sort(),
    reachable: candidates.length,
    free: candidates.filter((c) => c.allocations === 0 && isSchedulable(c)).length,
  };
}
