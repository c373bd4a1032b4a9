import type { BenchmarkContext } from '../benchmark.js';
import { round } from '../core/percentiles.js';
import { now, throwIfAborted } from '../core/timing.js';
import { createBenchDatabase } from '../infra/bench-database.js';
import { providePostgres } from '../infra/provide-infra.js';
import { startComposerRuntime } from './composer-runtime.js';
import { runContention } from './contention.js';
import { decisionMix, runDecisions } from './decisions.js';
import { runBurst, runPaced } from './end-to-end.js';
import { labIndex } from './lab-index.js';
import { composerPlan as plan } from './plan.js';

/** Decisions on the lab's index, compositions end to end, and the contention run. */
export async function runComposerBenchmark(bench: BenchmarkContext): Promise<object> {
  const { progress, signal } = bench;
  const startedAt = new Date();
  const postgres = await providePostgres(bench.config, progress);
  try {
    progress.step(`lab: ${plan.lab.hosts} hosts and ${plan.lab.devices} devices into an index`);
    const built = now();
    const decisionIndex = labIndex(plan.lab);
    const indexSeconds = (now() - built) / 1_000;
    progress.step(
      `decisions: ${plan.decisions.measured} on the lab (index built in ${round(indexSeconds, 1)} s)`,
    );
    const decisions = runDecisions(
      decisionIndex,
      decisionMix(),
      plan.decisions.warmUp,
      plan.decisions.measured,
    );
    throwIfAborted(signal);

    const paced = await endToEnd(postgres.value.serverUrl, 'paced', signal, progress);
    const burst = await endToEnd(postgres.value.serverUrl, 'burst', signal, progress);

    progress.step(
      `contention: ${plan.contention.processes} composer processes on ${plan.contention.gpus} GPUs`,
    );
    const contentionDatabase = await createBenchDatabase(postgres.value.serverUrl);
    const contention = await runContention(contentionDatabase.url, plan.contention).finally(() =>
      contentionDatabase.drop().catch(() => undefined),
    );

    const decisionP99 = decisions.decisionMs.p99 ?? Number.POSITIVE_INFINITY;
    const readyP99 = paced.requestToReadyMs.p99 ?? Number.POSITIVE_INFINITY;
    const targets = {
      decisionP99Ms: target(decisionP99, plan.targets.decisionP99Ms, 'max'),
      decisionsPerSecond: target(
        decisions.decisionsPerSecond,
        plan.targets.decisionsPerSecond,
        'min',
      ),
      compositionsPerSecond: target(
        burst.compositionsPerSecond,
        plan.targets.compositionsPerSecond,
        'min',
      ),
      requestToReadyP99MsAt50PerSecond: target(readyP99, plan.targets.requestToReadyP99Ms, 'max'),
      doubleAllocations: target(
        contention.doubleAllocations + contention.ledgerOverAllocations,
        plan.targets.doubleAllocations,
        'max',
      ),
    };
    return {
      benchmark: 'composer',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      targets,
      allTargetsMet: Object.values(targets).every((entry) => entry.met),
      lab: { ...plan.lab, indexSeconds: round(indexSeconds, 1) },
      decisions,
      endToEnd: { pacedAt50PerSecond: paced, burst: { lanes: plan.burst.lanes, ...burst } },
      contention,
      context: { node: process.version, postgres: postgres.value.source },
    };
  } finally {
    await postgres.stop();
  }
}

async function endToEnd(
  serverUrl: string,
  mode: 'paced' | 'burst',
  signal: AbortSignal,
  progress: BenchmarkContext['progress'],
) {
  const database = await createBenchDatabase(serverUrl);
  const runtime = await startComposerRuntime(database.url, labIndex(plan.lab));
  try {
    progress.step(`end to end: warming up for ${plan.warmUpMs / 1_000} s (not measured)`);
    await runPaced(runtime, plan.paced.ratePerSecond, plan.warmUpMs, plan.settleTimeoutMs, signal);
    if (mode === 'paced') {
      progress.step(
        `end to end: ${plan.paced.ratePerSecond} requests/s for ${plan.paced.durationMs / 1_000} s`,
      );
      return await runPaced(
        runtime,
        plan.paced.ratePerSecond,
        plan.paced.durationMs,
        plan.settleTimeoutMs,
        signal,
      );
    }
    progress.step(
      `end to end: ${plan.burst.lanes} lanes as fast as it goes for ${plan.burst.durationMs / 1_000} s`,
    );
    return await runBurst(
      runtime,
      plan.burst.lanes,
      plan.burst.durationMs,
      plan.settleTimeoutMs,
      signal,
    );
  } finally {
    await runtime.close();
    await database.drop().catch(() => undefined);
  }
}

function target(value: number, bound: number, kind: 'min' | 'max') {
  return {
    value,
    target: `${kind === 'min' ? '>=' : '<='} ${bound}`,
    met: kind === 'min' ? value >= bound : value <= bound,
  };
}
