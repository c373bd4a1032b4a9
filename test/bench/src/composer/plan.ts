/**
 * What the composer benchmark runs (issue 11): scheduling decisions over the generated lab of
 * 10,000 hosts and 100,000 devices; compositions end to end through the attach contract with a
 * responder that attaches at once (paced at 50 requests/s, then as fast as it goes); and two
 * composer processes contending for scarce devices.
 */
export const composerPlan = {
  lab: { seed: 2026, hosts: 10_000, devices: 100_000 },
  decisions: { warmUp: 200, measured: 3_000 },
  paced: { ratePerSecond: 50, durationMs: 20_000 },
  burst: { lanes: 16, durationMs: 15_000 },
  /**
   * Before each end-to-end run, requests at the paced rate that are not measured: the first
   * second of a fresh process (connections opening, code compiling) otherwise sets the p99.
   */
  warmUpMs: 3_000,
  /** Longest wait for the last composition of a run to become ready. */
  settleTimeoutMs: 30_000,
  contention: { processes: 2, requestsPerProcess: 1_500, lanesPerProcess: 8, gpus: 40 },
  targets: {
    decisionP99Ms: 5,
    decisionsPerSecond: 1_000,
    compositionsPerSecond: 200,
    requestToReadyP99Ms: 250,
    doubleAllocations: 0,
  },
  overallLimitMs: 900_000,
} as const;
