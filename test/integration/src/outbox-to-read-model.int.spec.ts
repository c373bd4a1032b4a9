import { type EventEnvelope } from '@tessera/event-transport';
import { describe, expect, it } from 'vitest';
import { transportKinds } from './shared/transport-kind.js';
import { type ReadModelRow } from './test-support/effect-ledger.js';
import { appendToStreams, orderStreams, readWholeLog } from './test-support/order-events.js';
import { scenarioPerTest } from './test-support/scenario.js';
import { waitFor } from './test-support/wait.js';

const streamCount = 5;
const appendsPerStream = 12;
/** 1, 2 or 3 events per append: 24 per stream. */
const eventsPerAppend = (index: number): number => 1 + (index % 3);
const eventsPerStream = 24;

const asReadModelRow = (event: EventEnvelope): ReadModelRow => ({
  eventId: event.id,
  streamId: event.streamId,
  streamVersion: event.streamVersion,
  type: event.type,
  data: event.data,
});

const byStreamAndVersion = (a: ReadModelRow, b: ReadModelRow): number =>
  a.streamId === b.streamId ? a.streamVersion - b.streamVersion : a.streamId < b.streamId ? -1 : 1;

describe.each(transportKinds)('outbox to read model over %s', (kind) => {
  const openScenario = scenarioPerTest();

  it('builds, through outbox, relay, transport and idempotent subscriber, a read model equal to the store, in stream order', async () => {
    const scenario = await openScenario(kind);
    await scenario.subscribeHere();
    scenario.startRelay('relay', 'none');
    const streams = orderStreams(streamCount);
    const appended = await appendToStreams(scenario.store, streams, {
      appends: appendsPerStream,
      eventsPerAppend,
    });
    expect(appended).toHaveLength(streamCount * eventsPerStream);

    await waitFor(
      'the read model to catch up',
      () => scenario.ledger.effectCount(),
      (count) => count >= appended.length,
      60_000,
    );
    const stored = await readWholeLog(scenario.store);
    expect(stored.map((event) => event.id).sort()).toEqual(
      appended.map((event) => event.id).sort(),
    );
    expect(await scenario.ledger.readModel()).toEqual(
      stored.map(asReadModelRow).sort(byStreamAndVersion),
    );
    const inOrder = Array.from({ length: eventsPerStream }, (_, index) => index + 1);
    expect(await scenario.ledger.versionsInAppliedOrder()).toEqual(
      Object.fromEntries(streams.map((streamId) => [streamId, inOrder])),
    );
    expect(await scenario.outboxRows()).toBe(0);
  }, 120_000);
});
