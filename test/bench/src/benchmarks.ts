import type { Benchmark } from './benchmark.js';
import { eventStorePlan } from './eventstore/plan.js';
import { runEventStoreBenchmark } from './eventstore/run-eventstore.js';

/** Benchmark name → benchmark; `npm run bench -- <name>` runs one. */
export const benchmarks = {
  eventstore: {
    description:
      'event store appends and reads, event→consumer latency through Kafka and the Postgres log, projection lag',
    overallLimitMs: eventStorePlan.overallLimitMs,
    run: runEventStoreBenchmark,
  },
} satisfies Record<string, Benchmark>;

export type BenchmarkName = keyof typeof benchmarks;

export function isBenchmarkName(name: string | undefined): name is BenchmarkName {
  return name !== undefined && Object.hasOwn(benchmarks, name);
}
