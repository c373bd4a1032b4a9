import { describe, expect, it } from 'vitest';
import { type RelayHold } from './shared/child-env.js';
import { transportKinds } from './shared/transport-kind.js';
import { appendToStreams, orderStreams } from './test-support/order-events.js';
import { scenarioPerTest } from './test-support/scenario.js';
import { waitFor } from './test-support/wait.js';

interface KillPoint {
  readonly name: string;
  readonly hold: RelayHold;
  /** Whether the batch in hand is on the transport when the relay dies. */
  readonly published: boolean;
}

const killPoints: readonly KillPoint[] = [
  { name: 'before it publishes', hold: 'before-publish', published: false },
  { name: 'in onPublished, before it marks the rows', hold: 'after-publish', published: true },
];

const streamCount = 4;
const appendsBeforeCrash = 5;

describe.each(transportKinds)('outbox relay crash over %s', (kind) => {
  const openScenario = scenarioPerTest();

  for (const { name, hold, published } of killPoints) {
    it(`The relay is killed between commit and publish (${name}): after restart the event is delivered and its effect happens once`, async () => {
      const scenario = await openScenario(kind);
      await scenario.subscribeHere();
      const streams = orderStreams(streamCount);
      // Committed with their outbox rows while no relay runs.
      const committed = await appendToStreams(scenario.store, streams, {
        appends: appendsBeforeCrash,
      });

      const doomed = scenario.startRelay('relay-1', hold);
      const holding = await doomed.waitForReport('holding', 60_000);
      await doomed.kill();

      const inHand = holding.eventIds;
      expect(holding.point).toBe(hold);
      expect(inHand.length).toBeGreaterThan(0);
      expect(committed.map((event) => event.id)).toEqual(expect.arrayContaining([...inHand]));
      expect(await scenario.outboxRows()).toBe(committed.length);
      expect(await scenario.publishedCount()).toBe(published ? inHand.length : 0);

      scenario.startRelay('relay-2', 'none');
      const appendedLater = await appendToStreams(scenario.store, streams, { appends: 1 });
      const all = [...committed, ...appendedLater];
      const copies = all.length + (published ? inHand.length : 0);
      await waitFor(
        'the outbox to drain',
        () => scenario.outboxRows(),
        (rows) => rows === 0,
        60_000,
      );
      await waitFor(
        'every delivery',
        () => scenario.ledger.deliveryCount(),
        (n) => n >= copies,
        60_000,
      );
      // A delivery is recorded before its effect's transaction commits: wait for the effects too.
      await waitFor(
        'every effect',
        () => scenario.ledger.effectCount(),
        (n) => n >= all.length,
        60_000,
      );

      expect(await scenario.publishedCount()).toBe(copies);
      expect(await scenario.ledger.effectsPerEvent()).toEqual(
        Object.fromEntries(all.map((event) => [event.id, 1])),
      );
      expect(await scenario.ledger.streamCounters()).toEqual(
        Object.fromEntries(streams.map((streamId) => [streamId, appendsBeforeCrash + 1])),
      );
      const deliveries = await scenario.ledger.deliveriesPerEvent();
      if (published) {
        // The batch published before the kill was published and delivered again after the
        // restart: only the idempotent handler kept those effects from happening twice.
        expect(inHand.filter((id) => (deliveries[id] ?? 0) < 2)).toEqual([]);
      }
    }, 120_000);
  }
});
