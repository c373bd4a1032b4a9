/**
 * What the inventory benchmark runs (issue: 10,000 hosts and 100,000 devices from the lab
 * generator; import ≤ 60 s, filtered list p99 ≤ 20 ms, reachability p99 ≤ 10 ms).
 */
export const inventoryPlan = {
  lab: { seed: 2026, hosts: 10_000, devices: 100_000 },
  /** Filtered list queries, one after another (one client, as an admin console pages). */
  listQueries: 1_000,
  listPageSize: 100,
  /** Reachability queries each way. */
  reachabilityQueries: 1_000,
  /** Until the read models have caught up with the import, at most. */
  catchUpTimeoutMs: 240_000,
  targets: { importSeconds: 60, listP99Ms: 20, reachabilityP99Ms: 10 },
  overallLimitMs: 900_000,
} as const;
