import type { AppendWorkload } from './append-throughput.js';
import type { PacedPlan } from './paced-appends.js';

/**
 * What the eventstore benchmark runs, sized to finish in about two minutes on 2 cores (every
 * phase is bounded in time and count). Change it here, not in the runners.
 */
export const eventStorePlan = {
  /** Opens the pool's connections and warms caches; not reported. */
  appendWarmUp: workload('warm', 8, 1, 1_500, 100),
  appends: {
    singleEvent1Writer: workload('one', 1, 1, 5_000, 20_000),
    singleEvent8Writers: workload('eight', 8, 1, 5_000, 20_000),
    batched100: workload('b100', 1, 100, 5_000, 1_000),
    batched500: workload('b500', 1, 500, 5_000, 200),
  },
  readAllPageSizes: [1_000, 100],
  readAllMaxDurationMs: 10_000,
  latency: {
    targetP99Ms: 50,
    kafkaSettleTimeoutMs: 60_000,
    postgresSettleTimeoutMs: 20_000,
    drainTimeoutMs: 15_000,
    capacity: { streams: 100, eventsPerStream: 20, timeoutMs: 15_000 },
    /**
     * Partitions of the run's Kafka topic; the consumer handles as many at once (one batch per
     * partition in flight), so every partition has its own lane.
     */
    kafkaTopicPartitions: 3,
    /** Most events per batch handed to the consumer's batch handler. */
    consumerMaxBatchSize: 500,
    /** Before the Kafka runs: the broker's JIT warm-up (see kafka-warm-up.ts); not measured. */
    brokerWarmUp: { ratePerSecond: 1_000, durationMs: 20_000 },
    /** The target's rate. */
    targetRate: 1_000,
    /** A reference run below the consumers' capacity first (a saturating run leaves a backlog). */
    /**
     * Lanes are the load generator's concurrent writers: the fewest that sustain 1,000 appends/s
     * beside each transport. Beside Kafka (whose broker takes a quarter of a core) each durable
     * commit takes longer, so 16 lanes top out near 850/s; more lanes than needed only add
     * in-flight transactions that a commit-safe reader waits for (beside the Postgres log, 24
     * lanes raised the p99 from 29 to 59 ms). See docs/benchmarks.md.
     */
    kafkaPlans: [
      paced('kafkaref', 250, 2_000, 6_000, 24),
      paced('kafka', 1_000, 3_000, 10_000, 24),
    ],
    postgresPlans: [paced('pglogref', 250, 2_000, 6_000), paced('pglog', 1_000, 3_000, 10_000)],
  },
  projection: { plan: paced('proj', 1_000, 2_000, 10_000), drainTimeoutMs: 10_000 },
  targets: { batchedEventsPerSecond: 5_000, eightWriterAppendsPerSecond: 500 },
  /** The whole run is interrupted past this, whatever phase it is in. */
  overallLimitMs: 270_000,
} as const;

function workload(
  name: string,
  writers: number,
  eventsPerAppend: number,
  durationMs: number,
  maxAppendsPerWriter: number,
): AppendWorkload {
  return {
    name,
    writers,
    eventsPerAppend,
    eventsPerStream: Math.max(20, eventsPerAppend * 5),
    durationMs,
    maxAppendsPerWriter,
  };
}

function paced(
  name: string,
  ratePerSecond: number,
  warmUpMs: number,
  measureMs: number,
  lanes = 16,
): PacedPlan {
  return {
    name,
    ratePerSecond,
    warmUpMs,
    measureMs,
    lanes,
    eventsPerStream: 20,
    lateGraceMs: 5_000,
  };
}
