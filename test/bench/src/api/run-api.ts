import os from 'node:os';
import type { BenchmarkContext } from '../benchmark.js';
import { BenchPhaseError } from '../core/errors.js';
import { round } from '../core/percentiles.js';
import { now, throwIfAborted } from '../core/timing.js';
import type { WatchedProcess } from '../infra/cpu-watch.js';
import { providePostgres } from '../infra/provide-infra.js';
import { AnswerTally } from './answer-tally.js';
import {
  type CompositionPhaseReport,
  type PhaseEnvironment,
  runClosedLoops,
  runPacedPhase,
} from './composition-phases.js';
import { startBenchControlPlane } from './control-plane.js';
import { type ListLatency, timeList } from './list-latency.js';
import { apiPlan as plan } from './plan.js';
import { type PoolRestored, restorePool, waitForCapacity } from './pool-state.js';
import { runWatchingPhases } from './watching-phases.js';
import { RestClient } from './rest-client.js';

/**
 * The standalone control plane in its own process, driven through its REST API only: compositions
 * paced and in closed loops, then list pages one request at a time.
 */
export async function runApiBenchmark(bench: BenchmarkContext): Promise<object> {
  const { progress, signal } = bench;
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg().map((load) => round(load, 2));
  const postgres = await providePostgres(bench.config, progress);
  try {
    progress.step(`control plane: starting standalone with a demo lab of ${plan.lab.hosts} hosts`);
    const starting = now();
    const plane = await startBenchControlPlane(
      postgres.value.serverUrl,
      plan.lab,
      plan.startTimeoutMs,
    );
    try {
      const startSeconds = round((now() - starting) / 1_000, 1);
      const tally = new AnswerTally();
      const client = new RestClient(plane.httpUrl, plane.adminToken, tally);
      progress.step(`control plane: up in ${startSeconds} s at ${plane.httpUrl}`);
      const capacity = await waitForCapacity(
        client,
        plan.minimumCapacity,
        plan.labReadyTimeoutMs,
        signal,
      );
      throwIfAborted(signal);
      if (capacity.fits === undefined || capacity.fits < plan.minimumCapacity) {
        throw new BenchPhaseError(
          'lab',
          `${capacity.fits ?? 'no answer:'} servers fit after ${capacity.waitedSeconds} s, ` +
            `${plan.minimumCapacity} needed (${JSON.stringify(tally.unexpectedAnswers())})`,
        );
      }
      progress.step(`lab: ${capacity.fits}+ servers fit (after ${capacity.waitedSeconds} s)`);

      const cpuComponents: Record<string, WatchedProcess> = {
        controlPlaneProcess: { pid: plane.pid, withChildren: false },
        loadGenerator: { pid: process.pid, withChildren: false },
      };
      if (postgres.value.pid !== undefined) {
        cpuComponents.postgres = { pid: postgres.value.pid, withChildren: true };
      }
      const environment: PhaseEnvironment = {
        client,
        cycle: { pollIntervalMs: plan.pollIntervalMs, readyTimeoutMs: plan.readyTimeoutMs, signal },
        cpuComponents,
      };
      const drains: Record<string, PoolRestored> = {};
      const drain = async (after: string): Promise<void> => {
        drains[after] = await restorePool(client, plan.drainTimeoutMs, signal);
        throwIfAborted(signal);
      };

      const below = plan.pacedBelowCapacity;
      progress.step(
        `compositions: warming up at ${below.ratePerSecond}/s for ${plan.warmUpMs / 1_000} s`,
      );
      const warmUp = await runPacedPhase(environment, below.ratePerSecond, plan.warmUpMs);
      await drain('warmUp');
      progress.step(`compositions: one closed loop for ${plan.oneLoop.durationMs / 1_000} s`);
      const oneLoop = await runClosedLoops(
        environment,
        plan.oneLoop.lanes,
        plan.oneLoop.durationMs,
      );
      await drain('oneLoop');
      progress.step(
        `compositions: ${below.ratePerSecond} requests/s for ${below.durationMs / 1_000} s`,
      );
      const pacedBelowCapacity = await runPacedPhase(
        environment,
        below.ratePerSecond,
        below.durationMs,
      );
      await drain('pacedBelowCapacity');
      const { ratePerSecond } = plan.paced;
      progress.step(
        `compositions: ${ratePerSecond} requests/s for ${plan.paced.durationMs / 1_000} s`,
      );
      const paced = await runPacedPhase(environment, ratePerSecond, plan.paced.durationMs);
      await drain('pacedAt50PerSecond');
      progress.step(
        `compositions: ${plan.closedLoops.lanes} closed loops for ${plan.closedLoops.durationMs / 1_000} s`,
      );
      const closedLoops = await runClosedLoops(
        environment,
        plan.closedLoops.lanes,
        plan.closedLoops.durationMs,
      );
      await drain('closedLoops');

      const { watchingPaced, watchingLoops, watcher } = await runWatchingPhases(
        environment,
        plane,
        { progress, drain },
      );

      progress.step(
        `lists: ${plan.lists.measured} requests each after ${plan.lists.warmUp} not timed`,
      );
      const counts = { warmUp: plan.lists.warmUp, measured: plan.lists.measured };
      const floor = await timeList(client, plan.lists.floorPath, counts, {
        authenticated: false,
        signal,
      });
      const lists: ListLatency[] = [];
      for (const path of plan.lists.paths) {
        lists.push(await timeList(client, path, counts, { signal }));
        throwIfAborted(signal);
      }

      const unexpectedAnswers = tally.unexpectedAnswers();
      if (unexpectedAnswers.total > 0) {
        progress.step(`${unexpectedAnswers.total} answers were not 2xx: see unexpectedAnswers`);
      }
      return {
        benchmark: 'api',
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        clean:
          unexpectedAnswers.total === 0 &&
          incomplete(
            warmUp,
            oneLoop,
            pacedBelowCapacity,
            paced,
            closedLoops,
            watchingPaced,
            watchingLoops,
          ) === 0 &&
          Object.values(drains).every((entry) => entry.drained),
        unexpectedAnswers,
        headline: {
          compositionsPerSecond: closedLoops.compositionsPerSecond,
          requestToReadyMsAt50PerSecond: percentilesOf(paced),
          watchingEvents: {
            compositionsPerSecond: watchingLoops.compositionsPerSecond,
            requestToReadyMsAt50PerSecond: percentilesOf(watchingPaced),
            readyAt50PerSecond: `${watchingPaced.ready} of ${watchingPaced.requests}`,
          },
          requestToReadyMsOneLoop: percentilesOf(oneLoop),
          requestToReadyMsBelowCapacity: {
            ratePerSecond: below.ratePerSecond,
            ...percentilesOf(pacedBelowCapacity),
          },
          lists: Object.fromEntries(
            [floor, ...lists].map((list) => [
              list.path,
              list.served ? { p50: list.latencyMs.p50, p99: list.latencyMs.p99 } : 'not served',
            ]),
          ),
        },
        compositions: {
          warmUp: {
            requests: warmUp.requests,
            ready: warmUp.ready,
            notReady: incomplete(warmUp),
          },
          oneLoop,
          pacedBelowCapacity,
          pacedAt50PerSecond: paced,
          closedLoops,
          pacedAt50PerSecondWatchingEvents: watchingPaced,
          closedLoopsWatchingEvents: watchingLoops,
          eventStream: watcher,
          poolRestoredAfter: drains,
        },
        lists: { floor, pages: lists },
        requestsByRoute: tally.requestCounts(),
        context: {
          node: process.version,
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          loadAverageAtStart,
          postgres: postgres.value.source,
          client:
            "Node.js global fetch (undici, connections kept alive) in the benchmark's process; " +
            "the control plane in a process of its own (npm start's program)",
          controlPlane: {
            startSeconds,
            demoLab: plane.demoLab,
            data: plane.data,
            serversThatFitAtStart: capacity.fits,
            waitedForLabSeconds: capacity.waitedSeconds,
          },
          settings: {
            pollIntervalMs: plan.pollIntervalMs,
            readyTimeoutMs: plan.readyTimeoutMs,
            warmUpMs: plan.warmUpMs,
            oneLoop: plan.oneLoop,
            pacedBelowCapacity: plan.pacedBelowCapacity,
            paced: plan.paced,
            closedLoops: plan.closedLoops,
            watchingEvents: plan.watchingEvents,
            lists: { warmUp: plan.lists.warmUp, measured: plan.lists.measured },
          },
        },
      };
    } finally {
      progress.step('control plane: stopping');
      await plane.close();
    }
  } finally {
    await postgres.stop();
  }
}

function percentilesOf(phase: CompositionPhaseReport) {
  const { p50, p90, p99 } = phase.requestToReadyMs;
  return { p50, p90, p99 };
}

/** Requests of the measured phases that did not end Ready. */
function incomplete(...phases: CompositionPhaseReport[]): number {
  return phases.reduce(
    (sum, phase) => sum + phase.refused + phase.failed + phase.notReadyInTime,
    0,
  );
}
