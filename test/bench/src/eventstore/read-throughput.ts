import { logStart, type EventStore, type LogPosition } from '@tessera/event-store';
import { perSecond } from '../core/latency-recorder.js';
import { now } from '../core/timing.js';

export interface ReadThroughput {
  readonly pageSize: number;
  readonly pages: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** False when the time bound ended the read before the end of the log. */
  readonly reachedEndOfLog: boolean;
}

/** Reads the whole log with `readAll` in pages of `pageSize`, within `maxDurationMs`. */
export async function measureReadAll(
  store: EventStore,
  options: { pageSize: number; maxDurationMs: number; signal: AbortSignal },
): Promise<ReadThroughput> {
  const startedAt = now();
  const deadline = startedAt + options.maxDurationMs;
  let after: LogPosition = logStart;
  let pages = 0;
  let events = 0;
  let reachedEndOfLog = false;
  while (!options.signal.aborted && now() < deadline) {
    const page = await store.readAll({ after, limit: options.pageSize });
    if (page.events.length === 0) {
      reachedEndOfLog = true;
      break;
    }
    pages += 1;
    events += page.events.length;
    after = page.next;
  }
  const elapsedMs = now() - startedAt;
  return {
    pageSize: options.pageSize,
    pages,
    events,
    seconds: Math.round(elapsedMs) / 1_000,
    eventsPerSecond: perSecond(events, elapsedMs),
    reachedEndOfLog,
  };
}
