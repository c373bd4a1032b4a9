/**
 * Open-loop pacing: event `index` (0-based) of a run at `ratePerSecond` is due `dueOffsetMs`
 * after the run starts, whatever happened to earlier events. A sender that falls behind does
 * not slow the schedule down; it sends late, and the lateness is measured.
 */
export function dueOffsetMs(index: number, ratePerSecond: number): number {
  assertRate(ratePerSecond);
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`index must be a non-negative integer, got ${index}`);
  }
  return (index * 1_000) / ratePerSecond;
}

/** How many events a run at `ratePerSecond` sends in `durationMs` (rounded to the nearest). */
export function plannedEvents(ratePerSecond: number, durationMs: number): number {
  assertRate(ratePerSecond);
  if (!(durationMs >= 0)) throw new RangeError(`durationMs must be >= 0, got ${durationMs}`);
  return Math.round((ratePerSecond * durationMs) / 1_000);
}

/**
 * The indices that lane `lane` of `lanes` sends, in order: lane l sends l, l + lanes, … below
 * `total`. Lanes together send every index exactly once, and each lane sends in schedule order.
 */
export function laneIndices(lane: number, lanes: number, total: number): number[] {
  if (!Number.isInteger(lanes) || lanes < 1) {
    throw new RangeError(`lanes must be a positive integer, got ${lanes}`);
  }
  if (!Number.isInteger(lane) || lane < 0 || lane >= lanes) {
    throw new RangeError(`lane must be an integer in [0, ${lanes}), got ${lane}`);
  }
  const indices: number[] = [];
  for (let index = lane; index < total; index += lanes) indices.push(index);
  return indices;
}

/**
 * The rate actually achieved by a window of events that were due in
 * [`windowStartMs`, `windowStartMs + windowMs`) and were sent at `sentOffsetsMs` (ms after the
 * run's start): the events divided by the longer of the window and the time from its start to
 * the last send. On schedule, it equals the planned rate; a sender that falls behind lowers it.
 */
export function achievedRate(
  sentOffsetsMs: readonly number[],
  windowStartMs: number,
  windowMs: number,
): number {
  if (sentOffsetsMs.length === 0 || windowMs <= 0) return 0;
  let lastSend = windowStartMs;
  for (const offset of sentOffsetsMs) lastSend = Math.max(lastSend, offset);
  return (sentOffsetsMs.length * 1_000) / Math.max(windowMs, lastSend - windowStartMs);
}

function assertRate(ratePerSecond: number): void {
  if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
}
