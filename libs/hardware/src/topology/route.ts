import { compareIds } from './compare-ids.js';

/** The fabric id of a device local to its host (no fabric in between). */
export const localFabric = 'local';

/**
 * How a host reaches a device on one fabric (or locally): the best path on that fabric, never
 * one per path. `switchPath` lists the switches crossed, from the host's side; `hops` is its
 * length (0 for a local device or an endpoint cabled straight to the host's).
 */
export interface Route {
  readonly hostId: string;
  readonly deviceId: string;
  /** The fabric joining them, or `local` (see `localFabric`). */
  readonly fabricId: string;
  readonly hops: number;
  readonly switchPath: readonly string[];
}

/**
 * Which hosts reach which devices. Lists are ordered nearest first: by hops, a local route before
 * a fabric one, then by the other side's id, then by fabric id. A pair reached over several
 * fabrics appears once per fabric, so its routes come shortest first too.
 */
export interface ReachabilityIndex {
  devicesReachableFrom(hostId: string): readonly Route[];
  hostsReaching(deviceId: string): readonly Route[];
  /** Every route: hosts in id order, each host's routes as `devicesReachableFrom` lists them. */
  routes(): Iterable<Route>;
  /** How many routes there are (pairs × the fabrics joining them). */
  readonly size: number;
}

/**
 * Whether one switch path beats another between the same endpoints: fewer switches, then the
 * switch ids in order, so the choice never depends on the order of the input.
 */
export function isShorterPath(candidate: readonly string[], incumbent: readonly string[]): boolean {
  return comparePaths(candidate, incumbent) < 0;
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return comparePaths(a, b) === 0;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let at = 0; at < a.length; at += 1) {
    const order = compareIds(a[at] ?? '', b[at] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** Nearest first from a host's side: the devices it reaches. */
export function byDeviceNearestFirst(a: Route, b: Route): number {
  return compareNearness(a, b) || compareIds(a.deviceId, b.deviceId) || compareFabrics(a, b);
}

/** Nearest first from a device's side: the hosts reaching it. */
export function byHostNearestFirst(a: Route, b: Route): number {
  return compareNearness(a, b) || compareIds(a.hostId, b.hostId) || compareFabrics(a, b);
}

function compareNearness(a: Route, b: Route): number {
  return a.hops - b.hops || Number(!isLocal(a)) - Number(!isLocal(b));
}

function compareFabrics(a: Route, b: Route): number {
  return compareIds(a.fabricId, b.fabricId);
}

function isLocal(route: Route): boolean {
  return route.fabricId === localFabric;
}
