import { compareIds } from './compare-ids.js';
import { type ReachabilityIndex, type Route, samePath } from './route.js';

/**
 * What a topology change did to reachability, route by route (a route is a host, a device and a
 * fabric, or `local`):
 * - `gained`: routes only `after` has;
 * - `lost`: routes only `before` has (the device is no longer reachable from the host over that
 *   fabric; it may still be over another, which then appears in no list);
 * - `changed`: routes both have with different hops or switch path, as they are `after`.
 * Each list follows the order of the index it comes from (`routes()`).
 */
export interface ReachabilityDiff {
  readonly gained: Route[];
  readonly lost: Route[];
  readonly changed: Route[];
}

export function diffReachability(
  before: ReachabilityIndex,
  after: ReachabilityIndex,
): ReachabilityDiff {
  const diff: ReachabilityDiff = { gained: [], lost: [], changed: [] };
  const hostIds = [...new Set([...hostsOf(before), ...hostsOf(after)])].sort(compareIds);
  for (const hostId of hostIds) {
    diffHost(before.devicesReachableFrom(hostId), after.devicesReachableFrom(hostId), diff);
  }
  return diff;
}

/** One host at a time, so that the look-up tables stay as small as one host's routes. */
function diffHost(before: readonly Route[], after: readonly Route[], diff: ReachabilityDiff): void {
  const unmatched = new Map<string, Route[]>();
  for (const route of after) {
    const sameDevice = unmatched.get(route.deviceId);
    if (sameDevice) sameDevice.push(route);
    else unmatched.set(route.deviceId, [route]);
  }
  for (const old of before) {
    const sameDevice = unmatched.get(old.deviceId) ?? [];
    const at = sameDevice.findIndex((route) => route.fabricId === old.fabricId);
    const current = sameDevice[at];
    if (!current) {
      diff.lost.push(old);
      continue;
    }
    sameDevice.splice(at, 1);
    if (!samePath(current.switchPath, old.switchPath)) diff.changed.push(current);
  }
  for (const route of after) {
    if (unmatched.get(route.deviceId)?.includes(route) === true) diff.gained.push(route);
  }
}

/** The hosts an index has routes for (`routes()` groups them, one after the other). */
function* hostsOf(index: ReachabilityIndex): Iterable<string> {
  let previous: string | undefined;
  for (const { hostId } of index.routes()) {
    if (hostId !== previous) yield hostId;
    previous = hostId;
  }
}
