import { createEventStore } from '@tessera/event-store';
import { createPool } from '@tessera/postgres';
import { throwIfAborted } from '../core/timing.js';
import { watchCpu, type CpuShare } from '../infra/cpu-watch.js';
import {
  measureAppendThroughput,
  type AppendThroughput,
  type AppendWorkload,
} from './append-throughput.js';
import { cpuComponents, type PhaseSetting } from './phase-setting.js';
import { eventStorePlan as plan } from './plan.js';
import { measureReadAll, type ReadThroughput } from './read-throughput.js';

/** A workload's throughput and where the machine's CPU went meanwhile. */
export type AppendPhase = AppendThroughput & { readonly cpu: CpuShare | null };

export interface AppendResults {
  readonly singleEvent1Writer: AppendPhase;
  readonly singleEvent8Writers: AppendPhase;
  readonly batched100: AppendPhase;
  readonly batched500: AppendPhase;
}

/**
 * Append throughput (single events with 1 and 8 writers, batches of 100 and 500), then readAll
 * over the whole log those appends wrote. The store has the outbox configured, as services do.
 */
export async function measureAppendsAndReads(
  setting: PhaseSetting,
): Promise<{ appends: AppendResults; readAll: ReadThroughput[] }> {
  const { progress, signal } = setting.bench;
  const pool = createPool({
    connectionString: setting.database.url,
    max: 10,
    applicationName: 'tessera-bench-appends',
  });
  const store = createEventStore({
    pool,
    schema: 'bench_appends',
    outbox: { topicFor: () => 'tessera.bench.appends.v1' },
    logger: progress.logger,
  });
  try {
    await store.migrate();
    await measureAppendThroughput(store, plan.appendWarmUp, signal);
    const run = async (label: string, workload: AppendWorkload): Promise<AppendPhase> => {
      throwIfAborted(signal);
      const stopCpu = await watchCpu(cpuComponents(setting.infra));
      const throughput = await measureAppendThroughput(store, workload, signal);
      const result = { ...throughput, cpu: await stopCpu() };
      progress.step(
        `appends ${label}: ${result.appendsPerSecond} appends/s, ${result.eventsPerSecond} events/s, ` +
          `p99 ${String(result.appendLatencyMs.p99)} ms, ${result.failures} failures`,
      );
      return result;
    };
    const appends = {
      singleEvent1Writer: await run('1 writer x 1 event', plan.appends.singleEvent1Writer),
      singleEvent8Writers: await run('8 writers x 1 event', plan.appends.singleEvent8Writers),
      batched100: await run('1 writer x 100 events', plan.appends.batched100),
      batched500: await run('1 writer x 500 events', plan.appends.batched500),
    };
    const readAll: ReadThroughput[] = [];
    for (const pageSize of plan.readAllPageSizes) {
      throwIfAborted(signal);
      const result = await measureReadAll(store, {
        pageSize,
        maxDurationMs: plan.readAllMaxDurationMs,
        signal,
      });
      progress.step(
        `readAll pages of ${pageSize}: ${result.events} events at ${result.eventsPerSecond} events/s`,
      );
      readAll.push(result);
    }
    return { appends, readAll };
  } finally {
    await store.close();
    await pool.end();
  }
}
