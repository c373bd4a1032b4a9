import type { BenchmarkContext } from '../benchmark.js';
import { round } from '../core/percentiles.js';
import { now, throwIfAborted } from '../core/timing.js';
import { createBenchDatabase, type BenchDatabase } from '../infra/bench-database.js';
import { readPostgresFacts } from '../infra/postgres-facts.js';
import { provideInfra } from '../infra/provide-infra.js';
import { measureAppendsAndReads } from './append-phases.js';
import { runKey, type ConsumerLatency } from './consumer-latency.js';
import { describeContext, takeStartFacts } from './describe-context.js';
import {
  measureKafkaLatency,
  measurePostgresLogLatency,
  measureProjection,
} from './latency-phases.js';
import type { PhaseSetting } from './phase-setting.js';
import { eventStorePlan as plan } from './plan.js';
import type { EventStoreReport } from './report.js';
import { atLeast, latencyAtRate, type TargetCheck } from './targets.js';

/** Provides the infrastructure, runs every phase on a fresh database, and cleans up. */
export async function runEventStoreBenchmark(bench: BenchmarkContext): Promise<EventStoreReport> {
  const { progress, signal } = bench;
  const startedAt = new Date();
  const started = now();
  const phaseSeconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const phaseStarted = now();
    try {
      return await work();
    } finally {
      phaseSeconds[name] = round((now() - phaseStarted) / 1_000, 1);
    }
  };
  const infra = await timed('provideInfra', () => provideInfra(bench.config, progress));
  let database: BenchDatabase | undefined;
  try {
    throwIfAborted(signal);
    const start = await takeStartFacts({ bench, infra });
    database = await createBenchDatabase(infra.postgres.serverUrl);
    progress.step(`postgres: benchmarking in the fresh database ${database.name}`);
    const postgresFacts = await readPostgresFacts(database.url);
    if (!postgresFacts.durable) {
      progress.step('WARNING: this Postgres is not durable (fsync or synchronous_commit is off)');
    }
    const setting: PhaseSetting = { bench, infra, database };
    const { appends, readAll } = await timed('appendsAndReads', () =>
      measureAppendsAndReads(setting),
    );
    throwIfAborted(signal);
    const kafka = await timed('kafkaLatency', () => measureKafkaLatency(setting));
    throwIfAborted(signal);
    const postgres = await timed('postgresLogLatency', () => measurePostgresLogLatency(setting));
    throwIfAborted(signal);
    const projectionLag = await timed('projectionLag', () => measureProjection(setting));
    throwIfAborted(signal);
    const targets = {
      batchedAppends: atLeast(
        appends.batched100.eventsPerSecond,
        plan.targets.batchedEventsPerSecond,
        'events/s',
      ),
      singleEventAppends8Writers: atLeast(
        appends.singleEvent8Writers.appendsPerSecond,
        plan.targets.eightWriterAppendsPerSecond,
        'appends/s',
      ),
      kafkaEventToConsumerP99: latencyTarget(kafka),
      postgresEventToConsumerP99: latencyTarget(postgres),
    };
    return {
      benchmark: 'eventstore',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      totalSeconds: round((now() - started) / 1_000, 1),
      targets,
      allTargetsMet: Object.values(targets).every((target) => target.met),
      appends: {
        note:
          'expected-version appends, each writer on its own streams (20 events per stream, batches ' +
          'on streams of their own); the store has the outbox configured (one outbox row per event, ' +
          'as services append; no relay runs in this phase); the batched target is judged on ' +
          'batches of 100 events from 1 writer',
        ...appends,
      },
      readAll,
      eventToConsumer: { kafka, postgres },
      projectionLag,
      context: await describeContext(
        setting,
        { start, postgres: postgresFacts, phaseSeconds },
        progress,
      ),
    };
  } finally {
    progress.step('cleaning up');
    await database?.drop().catch((error: unknown) => {
      progress.step(`could not drop the benchmark database: ${String(error)}`);
    });
    await infra.stop();
  }
}

/** The target's run (at the target rate) through one transport. */
function latencyTarget(result: ConsumerLatency): TargetCheck {
  const run = result.runs[runKey({ ratePerSecond: plan.latency.targetRate })];
  return latencyAtRate(
    {
      p99: run?.commitToHandlerMs.p99 ?? null,
      plannedRate: plan.latency.targetRate,
      achievedRate: run?.appends.achievedRatePerSecond ?? 0,
      undelivered: run?.undelivered ?? 0,
    },
    plan.latency.targetP99Ms,
  );
}
