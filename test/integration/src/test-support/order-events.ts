import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  logStart,
  type NewEvent,
  StreamNotFoundError,
} from '@tessera/event-store';
import { type EventEnvelope } from '@tessera/event-transport';

export function orderStreams(count: number): string[] {
  return Array.from({ length: count }, () => `order-${randomUUID()}`);
}

function orderLineAdded(streamId: string, line: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'OrderLineAdded',
    schemaVersion: 1,
    data: { orderId: streamId, line, sku: `sku-${line % 7}`, quantity: 1 + (line % 3) },
  };
}

export interface AppendPlan {
  /** Appends per stream. */
  readonly appends: number;
  /** Events in the i-th append of a stream (default 1). */
  readonly eventsPerAppend?: (index: number) => number;
}

/**
 * Appends to every stream (the streams concurrently, each stream's appends in order with its
 * expected version) and returns the stored envelopes in append order per stream.
 */
export async function appendToStreams(
  store: EventStore,
  streams: readonly string[],
  plan: AppendPlan,
): Promise<EventEnvelope[]> {
  const perStream = await Promise.all(
    streams.map(async (streamId) => {
      const stored: EventEnvelope[] = [];
      let version = await currentVersion(store, streamId);
      for (let index = 0; index < plan.appends; index += 1) {
        const events = Array.from({ length: plan.eventsPerAppend?.(index) ?? 1 }, (_, offset) =>
          orderLineAdded(streamId, version + offset + 1),
        );
        const result = await store.append(streamId, events, {
          expectedVersion: version,
          correlationId: randomUUID(),
          actor: 'user:integration-test',
        });
        version = result.nextExpectedVersion;
        stored.push(...result.events);
      }
      return stored;
    }),
  );
  return perStream.flat();
}

async function currentVersion(store: EventStore, streamId: string): Promise<number> {
  try {
    return (await store.readStream(streamId)).version;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return 0;
    throw error;
  }
}

/** Every event of the store's log, in commit-safe log order. */
export async function readWholeLog(store: EventStore): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  let after = logStart;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    if (page.events.length === 0) return events;
    events.push(...page.events);
    after = page.next;
  }
}
