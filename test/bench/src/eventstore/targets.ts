/** One target of the issue, the figure it is judged on, and whether the figure meets it. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: number | null;
  readonly unit: string;
  readonly met: boolean;
  /** Why a figure that looks good still fails the target (e.g. the rate was not reached). */
  readonly note?: string;
}

export function atLeast(measured: number, minimum: number, unit: string): TargetCheck {
  return { target: `>= ${minimum} ${unit}`, measured, unit, met: measured >= minimum };
}

/** Share of the planned rate a latency run must reach for its percentiles to count. */
export const requiredRateShare = 0.95;

/**
 * Event→consumer p99 at a rate: met only when the p99 is within `maxP99Ms`, the appends kept
 * up with the rate (a p99 measured at a lower rate says nothing about the target) and every
 * measured event arrived (an undelivered event has an unbounded latency).
 */
export function latencyAtRate(
  run: {
    readonly p99: number | null;
    readonly plannedRate: number;
    readonly achievedRate: number;
    readonly undelivered: number;
  },
  maxP99Ms: number,
): TargetCheck {
  const problems: string[] = [];
  if (run.achievedRate < run.plannedRate * requiredRateShare) {
    problems.push(`appends reached only ${run.achievedRate} of ${run.plannedRate} events/s`);
  }
  if (run.undelivered > 0) problems.push(`${run.undelivered} measured events never arrived`);
  if (run.p99 === null) problems.push('no latency was measured');
  const met = problems.length === 0 && run.p99 !== null && run.p99 <= maxP99Ms;
  return {
    target: `p99 <= ${maxP99Ms} ms at ${run.plannedRate} events/s`,
    measured: run.p99,
    unit: 'ms',
    met,
    ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
  };
}
