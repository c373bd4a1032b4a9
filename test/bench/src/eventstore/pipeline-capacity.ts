import type { EventStore } from '@tessera/event-store';
import { perSecond } from '../core/latency-recorder.js';
import { now, waitUntil } from '../core/timing.js';
import type { DeliveryMarks } from './delivery-marks.js';
import { benchAppendOptions, deviceAttachedEvents } from './payload.js';

export interface PipelineCapacity {
  readonly events: number;
  readonly streams: number;
  /** Events that reached the handler per second, from the burst's first commit to the last handled. */
  readonly handledPerSecond: number;
  /** Events the relay got accepted by the transport per second over the same span. */
  readonly publishedPerSecond: number;
  readonly complete: boolean;
}

/**
 * How fast the pipeline drains a backlog: a burst of `streams` x `eventsPerStream` events
 * appended at once (8 concurrent appends of one stream's events each), then the time until the
 * relay published and the handler handled all of them. Measures the slowest stage's capacity,
 * which a paced run above it shows only as ever-growing latency.
 */
export async function measurePipelineCapacity(
  store: EventStore,
  marks: DeliveryMarks,
  options: {
    name: string;
    streams: number;
    eventsPerStream: number;
    timeoutMs: number;
    signal: AbortSignal;
  },
): Promise<PipelineCapacity> {
  const ids: string[] = [];
  let next = 0;
  let firstCommit: number | undefined;
  const appender = async (): Promise<void> => {
    for (let stream = next++; stream < options.streams; stream = next++) {
      const events = deviceAttachedEvents(
        stream * options.eventsPerStream,
        options.eventsPerStream,
      );
      await store.append(`device-${options.name}burst${stream}`, events, benchAppendOptions(0));
      firstCommit ??= now();
      ids.push(...events.map((event) => event.id));
    }
  };
  await Promise.all(Array.from({ length: 8 }, appender));
  const complete = await waitUntil(() => marks.allCommitted(ids), {
    timeoutMs: options.timeoutMs,
    intervalMs: 20,
    signal: options.signal,
  });
  const start = firstCommit ?? now();
  return {
    events: ids.length,
    streams: options.streams,
    handledPerSecond: perSecond(
      countMarked(ids, marks.handlerCommitted),
      lastMark(ids, marks.handlerCommitted, start) - start,
    ),
    publishedPerSecond: perSecond(
      countMarked(ids, marks.published),
      lastMark(ids, marks.published, start) - start,
    ),
    complete,
  };
}

function countMarked(ids: readonly string[], marks: ReadonlyMap<string, number>): number {
  return ids.filter((id) => marks.has(id)).length;
}

function lastMark(
  ids: readonly string[],
  marks: ReadonlyMap<string, number>,
  fallback: number,
): number {
  let last = fallback;
  for (const id of ids) last = Math.max(last, marks.get(id) ?? fallback);
  return last;
}
