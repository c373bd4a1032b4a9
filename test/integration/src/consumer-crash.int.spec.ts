import { describe, expect, it } from 'vitest';
import { transportKinds } from './shared/transport-kind.js';
import { appendToStreams, orderStreams } from './test-support/order-events.js';
import { scenarioPerTest } from './test-support/scenario.js';
import { waitFor } from './test-support/wait.js';

const streamCount = 10;
const eventsPerStream = 20;
const batch = streamCount * eventsPerStream;
/** Roughly half: the first consumer dies mid-batch, right after this many effects committed. */
const killAfterEffects = 110;

describe.each(transportKinds)('consumer crash over %s', (kind) => {
  const openScenario = scenarioPerTest();

  it('A consumer is killed in the middle of a batch: no handler effect is applied twice', async () => {
    const scenario = await openScenario(kind);
    const streams = orderStreams(streamCount);
    const events = await appendToStreams(scenario.store, streams, { appends: eventsPerStream });
    await scenario.transport.publish(
      scenario.topic,
      events.map((envelope) => ({ key: envelope.streamId, envelope })),
    );
    expect(await scenario.publishedCount()).toBe(batch);

    // It parks after its 110th effect committed, before the transport acknowledges that message.
    const doomed = scenario.startConsumer('consumer-a', killAfterEffects);
    const holding = await doomed.waitForReport('holding', 90_000);
    await waitFor(
      'about half of the effects in the database',
      () => scenario.ledger.effectCount(),
      (count) => count >= killAfterEffects,
      10_000,
    );
    await doomed.kill();
    expect(await scenario.ledger.effectCount()).toBe(killAfterEffects);

    scenario.startConsumer('consumer-b', null);
    await waitFor(
      'every effect',
      () => scenario.ledger.effectCount(),
      (n) => n >= batch,
      120_000,
    );
    const [killedWith] = holding.eventIds;
    const deliveries = await waitFor(
      'the message in hand at the kill to be delivered again',
      () => scenario.ledger.deliveriesPerEvent(),
      (counts) => (counts[killedWith ?? ''] ?? 0) >= 2,
      30_000,
    );

    expect(Object.keys(deliveries)).toHaveLength(batch);
    expect(await scenario.ledger.effectsPerEvent()).toEqual(
      Object.fromEntries(events.map((event) => [event.id, 1])),
    );
    expect(await scenario.ledger.effectsPerProcess()).toEqual({
      'consumer-a': killAfterEffects,
      'consumer-b': batch - killAfterEffects,
    });
    expect(await scenario.ledger.streamCounters()).toEqual(
      Object.fromEntries(streams.map((streamId) => [streamId, eventsPerStream])),
    );
  }, 180_000);
});
