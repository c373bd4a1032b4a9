import type { Progress } from '../core/progress.js';
import {
  type ClosedLoopsReport,
  type PacedPhaseReport,
  type PhaseEnvironment,
  runClosedLoops,
  runPacedPhase,
} from './composition-phases.js';
import type { BenchControlPlane } from './control-plane.js';
import { apiPlan as plan } from './plan.js';
import { ReadyWatcher } from './ready-watcher.js';

export interface WatchingPhases {
  readonly watchingPaced: PacedPhaseReport;
  readonly watchingLoops: ClosedLoopsReport;
  /** What the one event stream connection read, and why it ended early if it did. */
  readonly watcher: { readonly eventsRead: number; readonly failure: string | null };
}

/**
 * The paced and closed-loop phases again, with clients that learn Ready from the event stream
 * instead of polling. The stream is opened once, read from its start, and closed at the end.
 */
export async function runWatchingPhases(
  environment: PhaseEnvironment,
  plane: Pick<BenchControlPlane, 'httpUrl' | 'adminToken'>,
  run: { readonly progress: Progress; readonly drain: (after: string) => Promise<void> },
): Promise<WatchingPhases> {
  const watching = plan.watchingEvents;
  const { signal } = environment.cycle;
  run.progress.step('compositions: opening the event stream and reading its history');
  const watcher = await ReadyWatcher.open(plane.httpUrl, plane.adminToken, 'bench');
  const watched = { ...environment, cycle: { ...environment.cycle, watcher } };
  try {
    await watcher.caughtUp(watching.quietMs, watching.catchUpTimeoutMs, signal);
    const { ratePerSecond, durationMs } = watching.paced;
    run.progress.step(
      `compositions: ${ratePerSecond} requests/s for ${durationMs / 1_000} s, watching the event stream`,
    );
    const watchingPaced = await runPacedPhase(watched, ratePerSecond, durationMs);
    await run.drain('pacedAt50PerSecondWatchingEvents');
    const { lanes } = watching.closedLoops;
    run.progress.step(
      `compositions: ${lanes} closed loops for ${watching.closedLoops.durationMs / 1_000} s, watching the event stream`,
    );
    const watchingLoops = await runClosedLoops(watched, lanes, watching.closedLoops.durationMs);
    await run.drain('closedLoopsWatchingEvents');
    return {
      watchingPaced,
      watchingLoops,
      watcher: { eventsRead: watcher.events, failure: watcher.failure ?? null },
    };
  } finally {
    await watcher.close();
  }
}
