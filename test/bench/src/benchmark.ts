import type { BenchConfig } from './bench-config.js';
import type { Progress } from './core/progress.js';

/** What every benchmark gets from `main.ts`. */
export interface BenchmarkContext {
  readonly config: BenchConfig;
  /** Aborted on Ctrl-C, SIGTERM or the benchmark's overall limit: stop, clean up, return. */
  readonly signal: AbortSignal;
  /** Progress and library logs go to stderr; stdout carries only the report. */
  readonly progress: Progress;
}

export interface Benchmark {
  readonly description: string;
  /** The run is interrupted past this (a safety net; a normal run ends well before). */
  readonly overallLimitMs: number;
  /** Returns the report, printed as one JSON object on stdout. */
  run(context: BenchmarkContext): Promise<object>;
}
