import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './percentiles.js';
import { now } from './timing.js';

/** How busy this process was over a phase: a saturated benchmark process skews latencies. */
export interface ProcessLoad {
  /** CPU time of this process (user + system) per wall-clock time, 100 = one core busy. */
  readonly cpuPercentOfOneCore: number;
  /** How late the event loop ran its callbacks, in ms (timers, socket reads). */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

/** Starts watching this process; the returned function stops and reports. */
export function watchProcessLoad(): () => ProcessLoad {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const cpuBefore = process.cpuUsage();
  const startedAt = now();
  return () => {
    histogram.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const elapsedMs = Math.max(1, now() - startedAt);
    const toMs = (nanoseconds: number): number => round(nanoseconds / 1e6);
    return {
      cpuPercentOfOneCore: round(((cpu.user + cpu.system) / 1_000 / elapsedMs) * 100, 1),
      eventLoopDelayMs: {
        p50: toMs(histogram.percentile(50)),
        p99: toMs(histogram.percentile(99)),
        max: toMs(histogram.max),
      },
    };
  };
}
