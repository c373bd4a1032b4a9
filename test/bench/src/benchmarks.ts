import { apiPlan } from './api/plan.js';
import { runApiBenchmark } from './api/run-api.js';
import type { Benchmark } from './benchmark.js';
import { composerPlan } from './composer/plan.js';
import { runComposerBenchmark } from './composer/run-composer.js';
import { eventStorePlan } from './eventstore/plan.js';
import { runEventStoreBenchmark } from './eventstore/run-eventstore.js';
import { inventoryPlan } from './inventory/plan.js';
import { runInventoryBenchmark } from './inventory/run-inventory.js';

/** Benchmark name → benchmark; `npm run bench -- <name>` runs one. */
export const benchmarks = {
  eventstore: {
    description:
      'event store appends and reads, event→consumer latency through Kafka and the Postgres log, projection lag',
    overallLimitMs: eventStorePlan.overallLimitMs,
    run: runEventStoreBenchmark,
  },
  inventory: {
    description:
      'inventory import of a generated lab (10,000 hosts, 100,000 devices), filtered lists and reachability queries',
    overallLimitMs: inventoryPlan.overallLimitMs,
    run: runInventoryBenchmark,
  },
  composer: {
    description:
      'scheduling decisions on a 10,000-host lab, compositions end to end through the attach contract, two composer processes contending',
    overallLimitMs: composerPlan.overallLimitMs,
    run: runComposerBenchmark,
  },
  api: {
    description:
      'the REST API of the standalone control plane: compositions per second and request→Ready p99 at 50 requests/s, list p99',
    overallLimitMs: apiPlan.overallLimitMs,
    run: runApiBenchmark,
  },
} satisfies Record<string, Benchmark>;

export type BenchmarkName = keyof typeof benchmarks;

export function isBenchmarkName(name: string | undefined): name is BenchmarkName {
  return name !== undefined && Object.hasOwn(benchmarks, name);
}
