export { computeReachability, routesOfFabric, type ReachabilityInput } from './reachability.js';
export { diffReachability, type ReachabilityDiff } from './reachability-diff.js';
export { localFabric, type ReachabilityIndex, type Route } from './route.js';
