import { compareIds } from './compare-ids.js';
import {
  byDeviceNearestFirst,
  byHostNearestFirst,
  type ReachabilityIndex,
  type Route,
} from './route.js';

const noRoutes: readonly Route[] = Object.freeze([]);

/** Builds the index over routes already reduced to one per (host, device, fabric). */
export function indexRoutes(routes: readonly Route[]): ReachabilityIndex {
  const byHost = groupSorted(routes, (route) => route.hostId, byDeviceNearestFirst);
  const byDevice = groupSorted(routes, (route) => route.deviceId, byHostNearestFirst);
  const hostsInOrder = [...byHost.keys()].sort(compareIds);
  return {
    size: routes.length,
    devicesReachableFrom: (hostId) => byHost.get(hostId) ?? noRoutes,
    hostsReaching: (deviceId) => byDevice.get(deviceId) ?? noRoutes,
    *routes() {
      for (const hostId of hostsInOrder) yield* byHost.get(hostId) ?? noRoutes;
    },
  };
}

function groupSorted(
  routes: readonly Route[],
  keyOf: (route: Route) => string,
  order: (a: Route, b: Route) => number,
): ReadonlyMap<string, readonly Route[]> {
  const groups = new Map<string, Route[]>();
  for (const route of routes) {
    const key = keyOf(route);
    const group = groups.get(key);
    if (group) group.push(route);
    else groups.set(key, [route]);
  }
  for (const group of groups.values()) {
    Object.freeze(isSorted(group, order) ? group : group.sort(order));
  }
  return groups;
}

/** Routes mostly arrive in order already (hosts and devices in id order); checking is cheaper. */
function isSorted(routes: readonly Route[], order: (a: Route, b: Route) => number): boolean {
  let previous: Route | undefined;
  for (const route of routes) {
    if (previous && order(previous, route) > 0) return false;
    previous = route;
  }
  return true;
}
