import type { EventStore } from '@tessera/event-store';
import { LatencyRecorder, perSecond } from '../core/latency-recorder.js';
import type { LatencySummary } from '../core/percentiles.js';
import { now } from '../core/timing.js';
import { benchAppendOptions, deviceAttachedEvents } from './payload.js';
import { StreamCursor } from './stream-cursor.js';

export interface AppendWorkload {
  /** Names the streams (`device-<name>w<writer>s<n>`), so phases never share a stream. */
  readonly name: string;
  /** Concurrent writers, each appending to its own streams, one append at a time. */
  readonly writers: number;
  readonly eventsPerAppend: number;
  /** Events a stream takes before its writer moves to a new one. */
  readonly eventsPerStream: number;
  readonly durationMs: number;
  /** Bound on appends per writer, whatever the duration. */
  readonly maxAppendsPerWriter: number;
}

export interface AppendThroughput {
  readonly writers: number;
  readonly eventsPerAppend: number;
  readonly seconds: number;
  readonly appends: number;
  readonly events: number;
  readonly appendsPerSecond: number;
  readonly eventsPerSecond: number;
  /** Duration of one append call (validation, transaction, commit), in ms. */
  readonly appendLatencyMs: LatencySummary;
  readonly failures: number;
  readonly lastFailure?: string;
}

/**
 * Closed-loop appends: every writer appends as fast as its previous append returns, with the
 * expected version it tracks, until the duration or its append bound is reached.
 */
export async function measureAppendThroughput(
  store: EventStore,
  workload: AppendWorkload,
  signal: AbortSignal,
): Promise<AppendThroughput> {
  const latency = new LatencyRecorder();
  let appends = 0;
  let failures = 0;
  let lastFailure: string | undefined;
  const startedAt = now();
  const deadline = startedAt + workload.durationMs;

  const writer = async (index: number): Promise<void> => {
    const cursor = new StreamCursor(`device-${workload.name}w${index}s`, workload.eventsPerStream);
    for (let done = 0; done < workload.maxAppendsPerWriter; done += 1) {
      if (signal.aborted || now() >= deadline) return;
      const { streamId, expectedVersion } = cursor.next(workload.eventsPerAppend);
      const events = deviceAttachedEvents(
        done * workload.eventsPerAppend,
        workload.eventsPerAppend,
      );
      const before = now();
      try {
        await store.append(streamId, events, benchAppendOptions(expectedVersion));
        latency.record(now() - before);
        cursor.appended(events.length);
        appends += 1;
      } catch (error) {
        failures += 1;
        lastFailure = error instanceof Error ? error.message : String(error);
        cursor.failed();
      }
    }
  };

  await Promise.all(Array.from({ length: workload.writers }, (_, index) => writer(index)));
  const elapsedMs = now() - startedAt;
  const events = appends * workload.eventsPerAppend;
  return {
    writers: workload.writers,
    eventsPerAppend: workload.eventsPerAppend,
    seconds: Math.round(elapsedMs) / 1_000,
    appends,
    events,
    appendsPerSecond: perSecond(appends, elapsedMs),
    eventsPerSecond: perSecond(events, elapsedMs),
    appendLatencyMs: latency.summary(),
    failures,
    ...(lastFailure === undefined ? {} : { lastFailure }),
  };
}
