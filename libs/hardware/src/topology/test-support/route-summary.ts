import { type ReachabilityIndex, type Route } from '../route.js';

/** A route in one readable line: `h1 → d1 over f1 in 2 via leaf-a, leaf-b`. */
export function summarise(route: Route): string {
  const via = route.switchPath.length > 0 ? ` via ${route.switchPath.join(', ')}` : '';
  return `${route.hostId} → ${route.deviceId} over ${route.fabricId} in ${route.hops}${via}`;
}

export function summariseAll(index: ReachabilityIndex): string[] {
  return [...index.routes()].map(summarise);
}
