import type { CompositionSpec, CompositionState } from '@tessera/composer-domain';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetTopic } from '../../infrastructure/attach/index.js';
import { composerTopic } from '../../infrastructure/persistence/index.js';
import { type AttachHarness, startAttachHarness } from '../../test-support/attach-harness.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  device,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { startAttaching } from '../attach/start-attaching.handler.js';
import { requestComposition } from '../compose/request-composition.handler.js';
import { replaceFailedDevice } from './replace-failed-device.handler.js';

let fixture: ComposerFixture;
let harness: AttachHarness;
let responder: SimulatedResponder;

beforeAll(async () => {
  fixture = await createComposerFixture();
  harness = await startAttachHarness({
    databaseUrl: fixture.database.url,
    // Five GPUs: two compositions of two, and one spare.
    index: gpuPool(5, 'heal'),
    attachTimeoutMs: 60_000,
    deadlineCheckMs: 200,
  });
  responder = await startSimulatedResponder({
    transport: harness.transport,
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 5, max: 20 },
    failureRate: 0,
    seed: 1,
  });
});

afterAll(async () => {
  await responder.stop();
  await harness.close();
  await fixture.close();
});

let keys = 0;
const twoGpus = (replaceFailed: boolean): CompositionSpec => ({
  name: 'trainer',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count: 2 }],
  healing: { replaceFailed },
});

async function readyComposition(replaceFailed = true): Promise<{ id: string; devices: string[] }> {
  const context = commandContext();
  const { compositionId } = await requestComposition(
    harness.deps,
    { spec: twoGpus(replaceFailed), idempotencyKey: `heal-${(keys += 1)}`, requestedBy: 'alice' },
    context,
  );
  await startAttaching(harness.deps, compositionId, context);
  const state = await harness.waitFor(compositionId, (s) => s.status === 'ready', 10_000);
  return { id: compositionId, devices: devicesOf(state) };
}

const devicesOf = (state: CompositionState) =>
  state.status === 'absent' ? [] : state.bindings.map(({ deviceId }) => deviceId);

/** What the inventory feed tells the index about a failed device. */
async function inventoryReportsFailed(deviceId: string): Promise<void> {
  const index = await harness.deps.candidates();
  index.upsertDevice(device(deviceId, { health: 'critical', lifecycle: 'failed' }));
}

const eventTypes = async (compositionId: string): Promise<string[]> =>
  (
    await harness.pool.query<{ type: string }>(
      `SELECT type FROM composer.events WHERE stream_id = $1 ORDER BY stream_version`,
      [`composition-${compositionId}`],
    )
  ).rows.map((row) => row.type.replace('tessera.composer.v1.', ''));

const ledgerOf = async (compositionId: string) =>
  (await fixture.ledgerRows())
    .filter((row) => row.compositionId === compositionId)
    .map(({ deviceId, state }) => ({ deviceId, state }));

describe('replacing a failed device', () => {
  it('attaches a replacement from the same group, then detaches the failed device', async () => {
    const { id, devices } = await readyComposition();
    const [kept, failed] = devices as [string, string];
    await inventoryReportsFailed(failed);
    const [outcome, ...others] = await replaceFailedDevice(
      harness.deps,
      { deviceId: failed },
      commandContext('system'),
    );
    expect(others).toEqual([]);
    expect(outcome).toMatchObject({ compositionId: id, outcome: 'replacing' });
    const replacement = outcome?.outcome === 'replacing' ? outcome.replacementDeviceId : '';
    expect([kept, failed]).not.toContain(replacement);
    const healed = await harness.waitFor(
      id,
      (state) => state.status === 'ready' && devicesOf(state).length === 2,
      10_000,
    );
    expect(devicesOf(healed).sort()).toEqual([kept, replacement].sort());
    expect(await eventTypes(id)).toEqual(
      expect.arrayContaining(['DeviceReplacementStarted', 'DeviceReplaced', 'DeviceDetached']),
    );
    expect(await ledgerOf(id)).toEqual(
      [kept, replacement].sort().map((deviceId) => ({ deviceId, state: 'allocated' })),
    );
    // Asked again for the same device, nothing holds it any more: nothing to do.
    expect(await replaceFailedDevice(harness.deps, { deviceId: failed }, commandContext())).toEqual(
      [],
    );
  });

  it('says no replacement was found and leaves the composition ready but degraded', async () => {
    const { id, devices } = await readyComposition();
    const failed = devices[1]!;
    await inventoryReportsFailed(failed);
    const outcomes = await replaceFailedDevice(
      harness.deps,
      { deviceId: failed },
      commandContext(),
    );
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ compositionId: id, outcome: 'no-replacement' });
    expect(outcomes[0]?.outcome === 'no-replacement' && outcomes[0].reason).toMatch(
      /gpus: needs 1 gpu, 0 left after filters/,
    );
    const { state } = await harness.deps.compositions.load(id);
    expect(state).toMatchObject({ status: 'ready', degradedDeviceIds: [failed] });
    expect(devicesOf(state)).toEqual(devices);
    expect((await eventTypes(id)).at(-1)).toBe('ReplacementUnavailable');
    expect((await ledgerOf(id)).map(({ deviceId }) => deviceId)).toEqual([...devices].sort());
    // Reported once: asking again changes nothing.
    const version = (await harness.deps.compositions.load(id)).version;
    await replaceFailedDevice(harness.deps, { deviceId: failed }, commandContext());
    expect((await harness.deps.compositions.load(id)).version).toBe(version);
  });

  it('leaves a composition without a healing policy alone, and refuses an empty device id', async () => {
    // The inventory adds two GPUs to the pool.
    const index = await harness.deps.candidates();
    const pool = Array.from({ length: 7 }, (_, at) => `heal-0${at}`);
    for (const deviceId of pool.slice(5)) index.upsertDevice(device(deviceId));
    index.setRoutes(
      'h1',
      pool.map((deviceId) => ({ deviceId, hops: 1, switchPath: ['sw1'] })),
    );
    const { id, devices } = await readyComposition(false);
    const version = (await harness.deps.compositions.load(id)).version;
    expect(
      await replaceFailedDevice(harness.deps, { deviceId: devices[0]! }, commandContext()),
    ).toEqual([
      {
        compositionId: id,
        outcome: 'skipped',
        reason: 'its spec does not ask for healing (healing.replaceFailed)',
      },
    ]);
    expect((await harness.deps.compositions.load(id)).version).toBe(version);
    await expect(
      replaceFailedDevice(harness.deps, { deviceId: ' ' }, commandContext()),
    ).rejects.toThrow('deviceId: must not be empty');
  });
});
