import type { BenchmarkContext } from '../benchmark.js';
import type { BenchDatabase } from '../infra/bench-database.js';
import type { WatchedProcess } from '../infra/cpu-watch.js';
import type { ProvidedInfra } from '../infra/provide-infra.js';

/** What every phase of the eventstore benchmark runs against. */
export interface PhaseSetting {
  readonly bench: BenchmarkContext;
  readonly infra: ProvidedInfra;
  /** This run's own database. */
  readonly database: BenchDatabase;
}

/** The processes whose CPU use the paced runs report: ours, and the servers this run started. */
export function cpuComponents(infra: ProvidedInfra): Record<string, WatchedProcess> {
  const components: Record<string, WatchedProcess> = {
    benchProcess: { pid: process.pid, withChildren: false },
  };
  if (infra.postgres.pid !== undefined) {
    components.postgres = { pid: infra.postgres.pid, withChildren: true };
  }
  if (infra.kafka.pid !== undefined) {
    components.kafkaBroker = { pid: infra.kafka.pid, withChildren: false };
  }
  return components;
}
