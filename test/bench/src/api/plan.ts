/**
 * What the API benchmark runs (issue 12): the whole control plane in standalone mode, driven
 * only through its public REST API as a client would. Compositions of 2 GPUs and 4 NVMe drives
 * are created (POST), watched (GET until `status.phase` is Ready) and decomposed (DELETE): by one
 * client, paced at 20 and at 50 requests/s, then by 16 closed loops; then at 50/s and in 16 loops
 * again, watched on the event stream instead; then list pages are timed one request at a time.
 */
export const apiPlan = {
  /**
   * The demo lab the standalone process imports (10 devices per host). At 400 hosts (seed 7) it
   * holds 870 GPUs and 2,036 NVMe drives, room for about 400 of these compositions at once:
   * every composition is decomposed once Ready, so the pool only holds those in flight.
   */
  lab: { seed: 7, hosts: 400 },
  /** Before the first request, the composer must see at least this many fit at once. */
  minimumCapacity: 300,
  /** Longest wait for the control plane's process to print that it is ready (lab imported). */
  startTimeoutMs: 180_000,
  /** Longest wait for the composer to learn the imported lab. */
  labReadyTimeoutMs: 60_000,
  /**
   * How often a client asks for a composition until it is Ready: the resolution of
   * request → Ready (it adds half of this on average).
   */
  pollIntervalMs: 20,
  /** Longest wait for one composition to become Ready. */
  readyTimeoutMs: 30_000,
  /** Unmeasured requests first, at the lower paced rate: a fresh process compiles and connects. */
  warmUpMs: 3_000,
  /** One client composing one server after another: request → Ready without concurrency. */
  oneLoop: { lanes: 1, durationMs: 5_000 },
  /**
   * A rate the 2-core development machine sustains (about two thirds of what its closed loops
   * reach), for request → Ready under load that does not queue.
   */
  pacedBelowCapacity: { ratePerSecond: 20, durationMs: 10_000 },
  /** The rate. */
  paced: { ratePerSecond: 50, durationMs: 20_000 },
  /** As many clients as the composer benchmark's burst, each composing one after another. */
  closedLoops: { lanes: 16, durationMs: 15_000 },
  /**
   * The same load with clients that learn Ready from the event stream (one SSE connection)
   * instead of polling: what the server does when its clients do not poll. The stream is read
   * from its start, so the run waits until it has been quiet for `quietMs` first.
   */
  watchingEvents: {
    paced: { ratePerSecond: 50, durationMs: 20_000 },
    closedLoops: { lanes: 16, durationMs: 15_000 },
    quietMs: 500,
    catchUpTimeoutMs: 60_000,
  },
  /** Longest wait, after a phase, for every decomposition to finish (the pool refilled). */
  drainTimeoutMs: 30_000,
  lists: {
    warmUp: 50,
    measured: 500,
    paths: [
      '/v1/compositions?pageSize=100',
      '/v1/devices?kind=gpu&pageSize=100',
      '/v1/hosts?pageSize=100',
    ],
    /** Answered without a token and without calling a service: the HTTP stack's own cost. */
    floorPath: '/healthz',
  },
  overallLimitMs: 330_000,
} as const;
