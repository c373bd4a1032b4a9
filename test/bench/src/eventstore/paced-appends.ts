import type { EventStore } from '@tessera/event-store';
import { LatencyRecorder } from '../core/latency-recorder.js';
import { achievedRate, dueOffsetMs, laneIndices, plannedEvents } from '../core/pacing.js';
import { round, type LatencySummary } from '../core/percentiles.js';
import { now, sleep } from '../core/timing.js';
import { benchAppendOptions, deviceAttachedEvent } from './payload.js';
import { StreamCursor } from './stream-cursor.js';

export interface PacedPlan {
  /** Names the streams (`device-<name>l<lane>s<n>`). */
  readonly name: string;
  readonly ratePerSecond: number;
  /** Sent first at the same rate; not measured. */
  readonly warmUpMs: number;
  readonly measureMs: number;
  /** Concurrent appenders; event i goes to lane i mod lanes, each lane in schedule order. */
  readonly lanes: number;
  readonly eventsPerStream: number;
  /** How late a lane may still send after the schedule's end; what is left then is not sent. */
  readonly lateGraceMs: number;
}

export interface PacedRunStats {
  readonly ratePerSecond: number;
  readonly lanes: number;
  readonly warmUpSeconds: number;
  readonly measuredSeconds: number;
  readonly plannedMeasuredEvents: number;
  readonly appendedMeasuredEvents: number;
  /** Measured events appended divided by the window (longer if appends ran late). */
  readonly achievedRatePerSecond: number;
  /** How late appends started against the schedule (measured window), in ms. */
  readonly scheduleLagMs: LatencySummary;
  readonly appendLatencyMs: LatencySummary;
  readonly notSent: number;
  readonly failures: number;
  readonly lastFailure?: string;
}

export interface PacedRun {
  /** Event id → monotonic time right after its append resolved (its commit). */
  readonly committedAt: ReadonlyMap<string, number>;
  /** Ids of the events appended in the measured window. */
  readonly measuredIds: readonly string[];
  readonly stats: PacedRunStats;
}

/**
 * Appends single events at a fixed rate (open loop: the schedule never waits for the system),
 * first a warm-up, then the measured window, and notes when each append committed.
 */
export async function runPacedAppends(
  store: EventStore,
  plan: PacedPlan,
  signal: AbortSignal,
): Promise<PacedRun> {
  const warmUpEvents = plannedEvents(plan.ratePerSecond, plan.warmUpMs);
  const measuredEvents = plannedEvents(plan.ratePerSecond, plan.measureMs);
  const total = warmUpEvents + measuredEvents;
  const windowStartMs = dueOffsetMs(warmUpEvents, plan.ratePerSecond);
  const committedAt = new Map<string, number>();
  const measuredIds: string[] = [];
  const measuredSends: number[] = [];
  const scheduleLag = new LatencyRecorder();
  const appendLatency = new LatencyRecorder();
  let failures = 0;
  let lastFailure: string | undefined;
  let sent = 0;
  const startedAt = now();
  const giveUpAt = startedAt + dueOffsetMs(total, plan.ratePerSecond) + plan.lateGraceMs;

  const lane = async (laneNumber: number): Promise<void> => {
    const cursor = new StreamCursor(`device-${plan.name}l${laneNumber}s`, plan.eventsPerStream);
    for (const index of laneIndices(laneNumber, plan.lanes, total)) {
      const dueAt = startedAt + dueOffsetMs(index, plan.ratePerSecond);
      // Timers may fire up to a millisecond early: never send before the schedule.
      while (now() < dueAt && !signal.aborted) await sleep(dueAt - now(), signal);
      if (signal.aborted || now() >= giveUpAt) return;
      const measured = index >= warmUpEvents;
      const sendAt = now();
      const event = deviceAttachedEvent(index);
      const { streamId, expectedVersion } = cursor.next(1);
      sent += 1;
      try {
        await store.append(streamId, [event], benchAppendOptions(expectedVersion));
        const committed = now();
        committedAt.set(event.id, committed);
        cursor.appended(1);
        if (measured) {
          measuredIds.push(event.id);
          measuredSends.push(sendAt - startedAt);
          scheduleLag.record(sendAt - dueAt);
          appendLatency.record(committed - sendAt);
        }
      } catch (error) {
        failures += 1;
        lastFailure = error instanceof Error ? error.message : String(error);
        cursor.failed();
      }
    }
  };

  await Promise.all(Array.from({ length: plan.lanes }, (_, laneNumber) => lane(laneNumber)));
  return {
    committedAt,
    measuredIds,
    stats: {
      ratePerSecond: plan.ratePerSecond,
      lanes: plan.lanes,
      warmUpSeconds: plan.warmUpMs / 1_000,
      measuredSeconds: plan.measureMs / 1_000,
      plannedMeasuredEvents: measuredEvents,
      appendedMeasuredEvents: measuredIds.length,
      achievedRatePerSecond: round(achievedRate(measuredSends, windowStartMs, plan.measureMs), 1),
      scheduleLagMs: scheduleLag.summary(),
      appendLatencyMs: appendLatency.summary(),
      notSent: total - sent,
      failures,
      ...(lastFailure === undefined ? {} : { lastFailure }),
    },
  };
}
