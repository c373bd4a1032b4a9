/** What a latency distribution looks like, in milliseconds (null when nothing was recorded). */
export interface LatencySummary {
  readonly count: number;
  readonly min: number | null;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/**
 * The nearest-rank percentile of ascending `sorted` samples: the smallest sample such that at
 * least `percent`% of the samples are at or below it. Undefined for no samples.
 */
export function percentile(sorted: readonly number[], percent: number): number | undefined {
  if (!(percent > 0 && percent <= 100)) {
    throw new RangeError(`percent must be in (0, 100], got ${percent}`);
  }
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Count, min, mean, p50, p90, p99 and max of `samples` (any order), rounded to 0.01 ms. */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) {
    return { count: 0, min: null, mean: null, p50: null, p90: null, p99: null, max: null };
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, sample) => sum + sample, 0);
  const at = (percent: number): number => round(percentile(sorted, percent) ?? Number.NaN);
  return {
    count: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    mean: round(total / sorted.length),
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
