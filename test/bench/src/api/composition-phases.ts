import { perSecond } from '../core/latency-recorder.js';
import { achievedRate, dueOffsetMs, plannedEvents } from '../core/pacing.js';
import { type LatencySummary, round, summarize } from '../core/percentiles.js';
import { type ProcessLoad, watchProcessLoad } from '../core/process-load.js';
import { now, sleep } from '../core/timing.js';
import { type CpuShare, watchCpu, type WatchedProcess } from '../infra/cpu-watch.js';
import {
  composeUntilReady,
  CycleMarks,
  type CycleSettings,
  Decomposer,
} from './composition-cycle.js';
import type { RestClient } from './rest-client.js';

export interface PhaseEnvironment {
  readonly client: RestClient;
  readonly cycle: CycleSettings;
  /** The processes whose CPU the phase reports: this one, and Postgres when this run started it. */
  readonly cpuComponents: Readonly<Record<string, WatchedProcess>>;
}

export interface CompositionPhaseReport {
  readonly requests: number;
  readonly ready: number;
  readonly refused: number;
  readonly failed: number;
  readonly notReadyInTime: number;
  /** Ready compositions per second, from the first request to the last answer showing Ready. */
  readonly compositionsPerSecond: number;
  /** From just before the POST to the GET answer that showed Ready. */
  readonly requestToReadyMs: LatencySummary;
  readonly createAnswerMs: LatencySummary;
  readonly pollAnswerMs: LatencySummary;
  readonly pollsPerComposition: number;
  readonly decomposed: { readonly sent: number; readonly deleteAnswerMs: LatencySummary };
  /**
   * CPU per Ready composition over the phase (its decomposition and the client's polling
   * included), per watched process: the control plane's, the load generator's (this one),
   * Postgres when known. Empty where /proc is not there to read.
   */
  readonly cpuMsPerComposition: Readonly<Record<string, number>>;
  readonly cpu: CpuShare | null;
  /** The load generator's event loop, which the client's clock runs on. */
  readonly loadGenerator: ProcessLoad;
}

export interface PacedPhaseReport extends CompositionPhaseReport {
  readonly ratePerSecond: number;
  readonly durationMs: number;
  /** Requests sent per second of the window; below the planned rate, the client fell behind. */
  readonly achievedRatePerSecond: number;
  /** How late each POST left against its schedule. */
  readonly sendLateMs: LatencySummary;
}

export interface ClosedLoopsReport extends CompositionPhaseReport {
  readonly lanes: number;
  readonly durationMs: number;
}

/** POSTs at `ratePerSecond` for `durationMs` whatever the answers (open loop), each followed to Ready. */
export async function runPacedPhase(
  environment: PhaseEnvironment,
  ratePerSecond: number,
  durationMs: number,
): Promise<PacedPhaseReport> {
  const sentOffsets: number[] = [];
  const late: number[] = [];
  const report = await measurePhase(environment, async (marks, decomposer, start) => {
    const total = plannedEvents(ratePerSecond, durationMs);
    const inFlight: Promise<void>[] = [];
    for (let at = 0; at < total && !environment.cycle.signal.aborted; at += 1) {
      const due = dueOffsetMs(at, ratePerSecond);
      await sleep(start + due - now(), environment.cycle.signal);
      const offset = now() - start;
      sentOffsets.push(offset);
      late.push(Math.max(0, offset - due));
      inFlight.push(composeUntilReady(environment.client, marks, decomposer, environment.cycle));
    }
    await Promise.all(inFlight);
  });
  return {
    ratePerSecond,
    durationMs,
    achievedRatePerSecond: round(achievedRate(sentOffsets, 0, durationMs), 1),
    sendLateMs: summarize(late),
    ...report,
  };
}

/** `lanes` clients, each composing one server after another for `durationMs`. */
export async function runClosedLoops(
  environment: PhaseEnvironment,
  lanes: number,
  durationMs: number,
): Promise<ClosedLoopsReport> {
  const report = await measurePhase(environment, async (marks, decomposer, start) => {
    const until = start + durationMs;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (now() < until && !environment.cycle.signal.aborted) {
          const refusedBefore = marks.refused;
          await composeUntilReady(environment.client, marks, decomposer, environment.cycle);
          // A refusal answers at once: back off a little rather than spin on a broken server.
          if (marks.refused > refusedBefore) {
            await sleep(environment.cycle.pollIntervalMs, environment.cycle.signal);
          }
        }
      }),
    );
  });
  return { lanes, durationMs, ...report };
}

async function measurePhase(
  environment: PhaseEnvironment,
  drive: (marks: CycleMarks, decomposer: Decomposer, start: number) => Promise<void>,
): Promise<CompositionPhaseReport> {
  const marks = new CycleMarks();
  const decomposer = new Decomposer(environment.client);
  const stopCpu = await watchCpu(environment.cpuComponents);
  const stopWatching = watchProcessLoad();
  const start = now();
  await drive(marks, decomposer, start);
  const elapsedMs = now() - start;
  const loadGenerator = stopWatching();
  const cpu = await stopCpu();
  await decomposer.answered();
  const perReady = (percent: number): number =>
    marks.ready === 0 ? 0 : round(((percent / 100) * elapsedMs) / marks.ready, 2);
  return {
    requests: marks.requests,
    ready: marks.ready,
    refused: marks.refused,
    failed: marks.failed,
    notReadyInTime: marks.notReadyInTime,
    compositionsPerSecond: perSecond(marks.ready, (marks.lastReadyAt ?? start) - start),
    requestToReadyMs: marks.requestToReadyMs.summary(),
    createAnswerMs: marks.createAnswerMs.summary(),
    pollAnswerMs: marks.pollAnswerMs.summary(),
    pollsPerComposition:
      marks.requests === marks.refused
        ? 0
        : round(marks.polls / (marks.requests - marks.refused), 1),
    decomposed: { sent: decomposer.released, deleteAnswerMs: decomposer.deleteAnswerMs.summary() },
    cpuMsPerComposition: Object.fromEntries(
      Object.keys(cpu === null ? {} : environment.cpuComponents).map((name) => [
        name,
        perReady(cpu?.byComponent[name] ?? 0),
      ]),
    ),
    cpu,
    loadGenerator,
  };
}
