import { type Candidate, type RouteRecord } from '../candidate-index.js';
import {
  type DeviceFilterPlugin,
  type GroupContext,
  type Placement,
  type PlacementPlugin,
  type ScoredCandidate,
} from '../framework.js';
import { compareIds, type DeviceDemand } from '../scheduling-request.js';
import { success, unschedulable, type Status } from '../status.js';

const beyondTheHostsSwitch = unschedulable('crosses more than one switch from the host');
const notUnderTheGroupsSwitch = unschedulable('not below the switch the group’s devices share');

/**
 * Locality on the fabric, for peer-to-peer traffic.
 *
 * `sameSwitchAs: 'host'` — the device sits on the host's own switch: its route crosses at most
 * one switch, so the first switch of the path (the one the host is cabled to) is also its last
 * (the one the device hangs from). A local or directly cabled device (no switch) qualifies.
 *
 * `sameSwitchAs: 'group'` — every device of the group hangs from one common switch: the last
 * switch of each route is the same. Devices reached without a switch share the host's root
 * complex and count as one common point. Among the switches that have enough candidates, the
 * one whose best `count` candidates score highest wins (ties: switch id).
 *
 * `underSwitch` (set by the composer for a device joining such a group, e.g. a replacement) — the
 * device hangs from that switch.
 */
export const sameSwitchPlugin = {
  name: 'SameSwitch',
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const constraints = context.demand.constraints;
    if (constraints === undefined) return success;
    const { underSwitch } = constraints;
    if (underSwitch !== undefined && leafSwitchOf(candidate.route) !== underSwitch) {
      return notUnderTheGroupsSwitch;
    }
    if (constraints.sameSwitchAs !== 'host') return success;
    return candidate.route.switchPath.length <= 1 ? success : beyondTheHostsSwitch;
  },
  mayRefuse: (demand: DeviceDemand) =>
    demand.constraints?.underSwitch !== undefined || demand.constraints?.sameSwitchAs === 'host',
  appliesTo: (demand: DeviceDemand) => demand.constraints?.sameSwitchAs === 'group',
  // `place` takes the best `count` below one switch.
  groupOf: (candidate: Candidate) => leafSwitchOf(candidate.route),
  place(candidates: readonly ScoredCandidate[], context: GroupContext): Placement {
    const { demand } = context;
    if (demand.constraints?.sameSwitchAs !== 'group') return { code: 'success', candidates };
    const bySwitch = new Map<string, ScoredCandidate[]>();
    for (const scored of candidates) {
      const key = leafSwitchOf(scored.candidate.route);
      const bucket = bySwitch.get(key);
      if (bucket) bucket.push(scored);
      else bySwitch.set(key, [scored]);
    }
    let best: { key: string; total: number; members: ScoredCandidate[] } | undefined;
    for (const [key, members] of bySwitch) {
      if (members.length < demand.count) continue;
      const total = members.slice(0, demand.count).reduce((sum, m) => sum + m.score, 0);
      if (!best || total > best.total || (total === best.total && compareIds(key, best.key) < 0)) {
        best = { key, total, members };
      }
    }
    if (best) return { code: 'success', candidates: best.members };
    const largest = Math.max(0, ...[...bySwitch.values()].map((members) => members.length));
    return unschedulable(
      `no switch has ${demand.count} matching ${demand.kind} below it (at most ${largest})`,
    );
  },
} as const satisfies DeviceFilterPlugin & PlacementPlugin;

/** The switch a device hangs from, seen from the host; `(host)` when no switch is crossed. */
export function leafSwitchOf(route: RouteRecord): string {
  return route.switchPath.at(-1) ?? '(host)';
}
