import type { CompositionState } from '@tessera/composer-domain';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttachHarness, startAttachHarness } from '../../test-support/attach-harness.js';
import {
  type ComposerFixture,
  createComposerFixture,
} from '../../test-support/composer-fixture.js';
import {
  type CrashingComposer,
  crashPool,
  startCrashingComposer,
} from '../../test-support/crashing-composer.js';
import { fleetTopic } from '../attach/index.js';
import { composerTopic } from '../persistence/index.js';
import { sweepStalledCompositions } from './recovery-sweep.js';

let fixture: ComposerFixture;
let crashing: CrashingComposer | undefined;
let survivor: AttachHarness | undefined;
let responder: SimulatedResponder | undefined;

beforeAll(async () => {
  fixture = await createComposerFixture();
});

afterAll(async () => {
  crashing?.kill();
  await responder?.stop();
  await survivor?.close();
  await fixture.close();
});

const settled = (state: CompositionState) => state.status === 'ready' || state.status === 'failed';

describe('a composer killed mid-attach', () => {
  it('leaves nothing stuck: another replica brings every composition to ready or failed, and nothing leaks', async () => {
    crashing = startCrashingComposer({
      databaseUrl: fixture.database.url,
      perStep: 3,
      attachTimeoutMs: 3_000,
      startTimeoutMs: 60_000,
    });
    const ids = await crashing.compositions;
    crashing.kill();
    expect(ids).toHaveLength(9);

    survivor = await startAttachHarness({
      databaseUrl: fixture.database.url,
      index: crashPool(),
      attachTimeoutMs: 3_000,
      deadlineCheckMs: 200,
      owner: 'composer-survivor',
      recovery: { graceMs: 500, intervalMs: 250 },
    });
    const statuses = await Promise.all(
      ids.map(async (id) => (await survivor!.deps.compositions.load(id)).state.status),
    );
    // The crash interrupted every step: requests, schedules, attaches in flight.
    expect(new Set(statuses)).toEqual(new Set(['requested', 'scheduled', 'attaching']));

    responder = await startSimulatedResponder({
      transport: survivor.transport,
      intentsTopic: composerTopic,
      observationsTopic: fleetTopic,
      group: 'tessera.simulated-agents',
      latencyMs: { min: 20, max: 100 },
      failureRate: 0.2,
      seed: 7,
    });
    const finals = new Map<string, CompositionState>();
    for (const id of ids) {
      await survivor.waitFor(id, settled, 60_000);
      // A failed composition still detaches what it asked for; wait until every detach is observed.
      finals.set(
        id,
        await survivor.waitFor(
          id,
          (state) =>
            state.status === 'ready' || (state.status === 'failed' && state.bindings.length === 0),
          30_000,
        ),
      );
    }
    const held = [...finals].flatMap(([compositionId, state]) =>
      state.status === 'ready'
        ? state.bindings.map(({ deviceId }) => ({ deviceId, compositionId, state: 'allocated' }))
        : [],
    );
    expect(held.length).toBeGreaterThan(0);
    const rows = (await fixture.ledgerRows()).map(({ deviceId, compositionId, state }) => ({
      deviceId,
      compositionId,
      state,
    }));
    const byDevice = (a: { deviceId: string }, b: { deviceId: string }) =>
      a.deviceId < b.deviceId ? -1 : 1;
    expect(rows.sort(byDevice)).toEqual(held.sort(byDevice));
  }, 150_000);

  it('sweeps on one replica at a time', async () => {
    const harness = survivor!;
    const holder = await harness.pool.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('tessera.composer.recovery-sweep'))`);
      expect(await sweepStalledCompositions(harness.deps, harness.pool, 0)).toBe('locked');
      await holder.query(`SELECT pg_advisory_unlock(hashtext('tessera.composer.recovery-sweep'))`);
      expect(await sweepStalledCompositions(harness.deps, harness.pool, 0)).toEqual({
        scheduled: 0,
        attachesStarted: 0,
        attachesGivenUp: 0,
      });
    } finally {
      holder.release();
    }
  });
});
