import { absentComposition, scheduler } from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';
import type {
  DeliveredMessage,
  EventTransport,
  Subscription,
  SubscriptionOptions,
} from '@tessera/event-transport';
import { describe, expect, it } from 'vitest';
import type { ComposeDeps } from '../../application/compose/compose-deps.js';
import type {
  CompositionRepository,
  LoadedComposition,
} from '../../application/ports/composition-repository.js';
import { subscribeToObservations } from './observation-consumer.js';

/** A delivered attach observation of composition `compositionId`. */
function observed(compositionId: string, position: number): DeliveredMessage {
  const data = composer.DeviceAttachObservedV2.toJSON({
    compositionId,
    hostId: 'h1',
    results: [
      {
        deviceId: `${compositionId}-g1`,
        attempt: 1,
        outcome: composer.AttachOutcome.ATTACH_OUTCOME_ATTACHED,
        detail: '',
      },
    ],
    observedAt: '2026-01-01T00:00:01.000Z',
  });
  return {
    topic: 'tessera.fleet.events.v1',
    key: 'h1',
    headers: {},
    attempt: 1,
    envelope: {
      id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      type: 'tessera.composer.v1.DeviceAttachObserved',
      schemaVersion: 2,
      streamId: 'fleet-h1',
      streamVersion: position,
      position,
      recordedAt: '2026-01-01T00:00:01.000Z',
      correlationId: 'corr',
      causationId: null,
      actor: 'agent:h1',
      tenant: null,
      data,
    },
  };
}

/**
 * Compositions that take a few ticks to load (absent ones: recording them changes nothing),
 * except `broken`, whose load fails; counts the loads under way and the most at once.
 */
function slowCompositions(broken: string) {
  const seen = { underWay: 0, most: 0, loaded: [] as string[] };
  const load = async (id: string): Promise<LoadedComposition> => {
    seen.underWay += 1;
    seen.most = Math.max(seen.most, seen.underWay);
    try {
      for (let tick = 0; tick < 3; tick += 1) await new Promise((done) => setImmediate(done));
      if (id === broken) throw new Error(`the database went away loading ${id}`);
      seen.loaded.push(id);
      return { state: absentComposition, version: 0 };
    } finally {
      seen.underWay -= 1;
    }
  };
  const unused = () => Promise.reject(new Error('not used by this test'));
  const compositions: CompositionRepository = {
    load,
    loadToDecide: load,
    create: unused,
    append: unused,
    appendWithLedger: unused,
  };
  return { seen, compositions };
}

async function handlerOf(compositions: CompositionRepository) {
  let handle: SubscriptionOptions['handleBatch'] | undefined;
  const transport: EventTransport = {
    name: 'postgres',
    publish: () => Promise.resolve(),
    subscribe: (options) => {
      handle = options.handleBatch;
      return Promise.resolve({} as Subscription);
    },
    close: () => Promise.resolve(),
  };
  const deps: ComposeDeps = {
    compositions,
    candidates: () => Promise.resolve(new scheduler.CandidateIndex()),
    clock: { now: () => new Date('2026-01-01T00:00:02.000Z') },
    ids: { newId: () => 'unused' },
    owner: 'test',
  };
  await subscribeToObservations(transport, deps);
  if (!handle) throw new Error('the consumer did not subscribe');
  return handle;
}

describe('the observation consumer', () => {
  it('records the compositions of a batch several at a time, each once', async () => {
    const { seen, compositions } = slowCompositions('none');
    const handle = await handlerOf(compositions);
    const ids = Array.from({ length: 20 }, (_, at) => `c${at}`);
    await handle(ids.map((id, at) => observed(id, at + 1)));
    expect([...seen.loaded].sort()).toEqual([...ids].sort());
    expect(seen.most).toBeGreaterThan(1);
    expect(seen.most).toBeLessThanOrEqual(8);
  });

  it('fails the batch only once no recording of it is still under way', async () => {
    const { seen, compositions } = slowCompositions('c3');
    const handle = await handlerOf(compositions);
    const ids = Array.from({ length: 20 }, (_, at) => `c${at}`);
    await expect(handle(ids.map((id, at) => observed(id, at + 1)))).rejects.toThrow(
      'the database went away loading c3',
    );
    expect(seen.underWay).toBe(0);
    // The recorders took no new composition after the failure.
    expect(seen.loaded.length).toBeLessThan(ids.length - 1);
  });
});
