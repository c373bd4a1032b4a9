import { summarize, type LatencySummary } from './percentiles.js';

/** Collects latency samples (milliseconds) up to a bound, then summarizes them. */
export class LatencyRecorder {
  private readonly samples: number[] = [];
  private dropped = 0;

  /** Keeps at most `maxSamples` samples; later ones are counted as dropped, never stored. */
  constructor(private readonly maxSamples = 1_000_000) {}

  record(milliseconds: number): void {
    if (!Number.isFinite(milliseconds)) {
      throw new RangeError(`a latency must be a finite number, got ${milliseconds}`);
    }
    if (this.samples.length >= this.maxSamples) {
      this.dropped += 1;
      return;
    }
    this.samples.push(milliseconds);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Samples that arrived after the bound was reached. */
  get droppedCount(): number {
    return this.dropped;
  }

  summary(): LatencySummary {
    return summarize(this.samples);
  }
}

/**
 * Latency from a start mark to an end mark of the same key, for the keys in `keys`: the marks
 * are recorded by different parties (the appender, the consumer) in any order.
 * Returns the summary and the keys that have a start but no end yet.
 */
export function latenciesBetween(
  keys: Iterable<string>,
  starts: ReadonlyMap<string, number>,
  ends: ReadonlyMap<string, number>,
): { summary: LatencySummary; missing: number } {
  const recorder = new LatencyRecorder();
  let missing = 0;
  for (const key of keys) {
    const start = starts.get(key);
    const end = ends.get(key);
    if (start === undefined) continue;
    if (end === undefined) {
      missing += 1;
      continue;
    }
    recorder.record(end - start);
  }
  return { summary: recorder.summary(), missing };
}

/** Events (or operations) per second, rounded to 0.1. */
export function perSecond(count: number, elapsedMs: number): number {
  if (elapsedMs <= 0) return 0;
  return Math.round((count * 10_000) / elapsedMs) / 10;
}
