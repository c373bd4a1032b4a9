import { type Candidate, type DeviceRecord } from '../candidate-index.js';
import {
  type GroupContext,
  type Placement,
  type PlacementPlugin,
  type ScoredCandidate,
} from '../framework.js';
import { type DeviceDemand } from '../scheduling-request.js';
import { unschedulable } from '../status.js';

/**
 * `spreadAcross: 'enclosure' | 'rack'` — a group's devices go round the failure domains: the
 * candidates are reordered to take the best of each domain in turn (domains ordered by their
 * best candidate), so the chosen devices use as many domains as possible and no domain holds
 * more than one device above another while it has candidates left. A group of two or more
 * devices needs at least two domains. Devices whose domain is unknown share one domain.
 */
export const failureDomainSpreadPlugin = {
  name: 'FailureDomainSpread',
  appliesTo: (demand: DeviceDemand) => demand.constraints?.spreadAcross !== undefined,
  // Going round the domains, the first `count` taken hold at most `count` of one domain.
  groupOf: (candidate: Candidate, demand: DeviceDemand) =>
    domainOf(candidate.device, demand.constraints?.spreadAcross ?? 'enclosure'),
  place(candidates: readonly ScoredCandidate[], context: GroupContext): Placement {
    const across = context.demand.constraints?.spreadAcross;
    if (across === undefined) return { code: 'success', candidates };
    const byDomain = new Map<string, ScoredCandidate[]>();
    for (const scored of candidates) {
      const key = domainOf(scored.candidate.device, across);
      const members = byDomain.get(key);
      if (members) members.push(scored);
      else byDomain.set(key, [scored]);
    }
    if (context.demand.count >= 2 && byDomain.size < 2) {
      return unschedulable(
        `all ${candidates.length} matching ${context.demand.kind} sit in one ${across}`,
      );
    }
    return { code: 'success', candidates: roundRobin([...byDomain.values()]) };
  },
} as const satisfies PlacementPlugin;

function domainOf(device: DeviceRecord, across: 'enclosure' | 'rack'): string {
  switch (across) {
    case 'enclosure':
      return device.enclosureId ?? '(unknown)';
    case 'rack':
      return device.rackId ?? '(unknown)';
  }
}

function roundRobin(domains: readonly (readonly ScoredCandidate[])[]): ScoredCandidate[] {
  const ordered: ScoredCandidate[] = [];
  const longest = Math.max(0, ...domains.map((members) => members.length));
  for (let turn = 0; turn < longest; turn += 1) {
    for (const members of domains) {
      const next = members[turn];
      if (next) ordered.push(next);
    }
  }
  return ordered;
}
