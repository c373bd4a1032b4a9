import { createEventStore, type Projection } from '@tessera/event-store';
import { createPool } from '@tessera/postgres';
import { latenciesBetween } from '../core/latency-recorder.js';
import type { LatencySummary } from '../core/percentiles.js';
import { watchProcessLoad, type ProcessLoad } from '../core/process-load.js';
import { watchCpu, type CpuShare, type WatchedProcess } from '../infra/cpu-watch.js';
import type { Progress } from '../core/progress.js';
import { now, waitUntil } from '../core/timing.js';
import { runPacedAppends, type PacedPlan, type PacedRunStats } from './paced-appends.js';

export interface ProjectionLagOptions {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly plan: PacedPlan;
  readonly drainTimeoutMs: number;
  readonly cpuComponents: Readonly<Record<string, WatchedProcess>>;
  readonly signal: AbortSignal;
  readonly progress: Progress;
}

export interface ProjectionLag {
  readonly projection: string;
  readonly appends: PacedRunStats;
  readonly applied: number;
  readonly notApplied: number;
  /** Append commit → `apply` of the event (inside the batch transaction that then commits the checkpoint). */
  readonly commitToApplyMs: LatencySummary;
  readonly benchProcess: ProcessLoad;
  readonly cpu: CpuShare | null;
  readonly subscription: {
    readonly batchSize: number;
    readonly idlePollMs: number;
    readonly handledEvents: number;
  };
}

/** runProjection's defaults: what a service gets. */
const projectionSettings = { batchSize: 100, idlePollMs: 500 } as const;

/**
 * A live projection (`store.runProjection`) keeping a per-stream table up to date while events
 * are appended at the plan's rate; lag is measured from each append's commit to its `apply`.
 */
export async function measureProjectionLag(options: ProjectionLagOptions): Promise<ProjectionLag> {
  const { progress, signal } = options;
  const pool = createPool({
    connectionString: options.databaseUrl,
    max: options.plan.lanes + 4,
    applicationName: 'tessera-bench-projection',
    onIdleError: (error) => {
      progress.logger.warn('bench pool connection failed', { error: error.message });
    },
  });
  const store = createEventStore({ pool, schema: options.schema, logger: progress.logger });
  const appliedAt = new Map<string, number>();
  const table = `"${options.schema}".device_counts`;
  const projection: Projection = {
    name: 'bench-device-counts',
    reset: async (client) => {
      await client.query(`TRUNCATE ${table}`);
    },
    apply: async (event, client) => {
      await client.query(
        `INSERT INTO ${table} (stream_id, events, last_position) VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET events = ${table}.events + 1, last_position = EXCLUDED.last_position`,
        [event.streamId, event.position],
      );
      if (!appliedAt.has(event.id)) appliedAt.set(event.id, now());
    },
  };
  try {
    await store.migrate();
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${table} (stream_id text PRIMARY KEY, events bigint NOT NULL, last_position bigint NOT NULL)`,
    );
    const subscription = await store.runProjection(projection, projectionSettings);
    progress.step(`projection: running; pacing ${options.plan.ratePerSecond} events/s`);
    const stopCpu = await watchCpu(options.cpuComponents);
    const stopWatching = watchProcessLoad();
    const run = await runPacedAppends(store, options.plan, signal);
    const benchProcess = stopWatching();
    const cpu = await stopCpu();
    await waitUntil(() => run.measuredIds.every((id) => appliedAt.has(id)), {
      timeoutMs: options.drainTimeoutMs,
      intervalMs: 50,
      signal,
    });
    const lag = latenciesBetween(run.measuredIds, run.committedAt, appliedAt);
    return {
      projection: 'upsert of a per-stream counter row, one statement per event',
      appends: run.stats,
      applied: run.measuredIds.length - lag.missing,
      notApplied: lag.missing,
      commitToApplyMs: lag.summary,
      benchProcess,
      cpu,
      subscription: { ...projectionSettings, handledEvents: subscription.status().handledEvents },
    };
  } finally {
    await store.close();
    await pool.end();
  }
}
