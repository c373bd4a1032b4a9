import type { CompositionSpec, CompositionState } from '@tessera/composer-domain';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetTopic } from '../../infrastructure/attach/index.js';
import { composerTopic } from '../../infrastructure/persistence/index.js';
import {
  type AttachHarness,
  startAttachHarness,
  withFailingDevices,
} from '../../test-support/attach-harness.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { requestComposition } from '../compose/request-composition.handler.js';
import { recordObservation } from './record-observation.handler.js';
import { startAttaching } from './start-attaching.handler.js';

const failing = new Set<string>();
let fixture: ComposerFixture;
let harness: AttachHarness;
let responder: SimulatedResponder | undefined;

const startResponder = async (): Promise<SimulatedResponder> =>
  startSimulatedResponder({
    transport: withFailingDevices(harness.transport, failing),
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 5, max: 20 },
    failureRate: 0,
    seed: 1,
  });

beforeAll(async () => {
  fixture = await createComposerFixture();
  harness = await startAttachHarness({
    databaseUrl: fixture.database.url,
    index: gpuPool(8, 'g'),
    attachTimeoutMs: 1_500,
    deadlineCheckMs: 100,
  });
  responder = await startResponder();
});
afterAll(async () => {
  await responder?.stop();
  await harness.close();
  await fixture.close();
});

let keys = 0;
const oneGpu: CompositionSpec = {
  name: 'trainer',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count: 1 }],
};

/** Requests a composition and returns its id and the device the scheduler reserved. */
async function compose(beforeAttach: (deviceId: string) => void = () => undefined) {
  const context = commandContext();
  const outcome = await requestComposition(
    harness.deps,
    { spec: oneGpu, idempotencyKey: `attach-${(keys += 1)}`, requestedBy: 'alice' },
    context,
  );
  expect(outcome.status).toBe('scheduled');
  const deviceId = outcome.assignment?.groups[0]?.deviceIds[0] ?? '';
  beforeAttach(deviceId);
  await startAttaching(harness.deps, outcome.compositionId, context);
  return { compositionId: outcome.compositionId, deviceId };
}

const ledgerOf = async (compositionId: string) =>
  (await fixture.ledgerRows())
    .filter((row) => row.compositionId === compositionId)
    .map(({ deviceId, state }) => ({ deviceId, state }));

const settled = (state: CompositionState) => state.status === 'ready' || state.status === 'failed';

describe('a composition from request to ready through the attach contract', () => {
  it('reaches ready and the ledger shows its device allocated', async () => {
    const { compositionId, deviceId } = await compose();
    const state = await harness.waitFor(compositionId, settled, 10_000);
    expect(state).toMatchObject({
      status: 'ready',
      bindings: [{ deviceId, status: 'attached' }],
    });
    expect(await ledgerOf(compositionId)).toEqual([{ deviceId, state: 'allocated' }]);
    // The same answer delivered again changes nothing.
    const again = { deviceId, attempt: 1, outcome: 'attached', detail: 'again' } as const;
    expect(
      await recordObservation(
        harness.deps,
        { observed: 'attach', compositionId, results: [again] },
        commandContext('agent:h1'),
      ),
    ).toEqual({ outcome: 'ignored' });
    expect(await harness.waitFor(compositionId, settled, 1_000)).toEqual(state);
  });

  it('rolls back a failed attach, reschedules on another device and reaches ready', async () => {
    const { compositionId, deviceId: broken } = await compose((deviceId) => failing.add(deviceId));
    const state = await harness.waitFor(compositionId, settled, 10_000);
    expect(state.status).toBe('ready');
    const [binding] = state.status === 'absent' ? [] : state.bindings;
    expect(binding?.deviceId).not.toBe(broken);
    expect(state).toMatchObject({ reschedules: 1, avoidDeviceIds: [broken] });
    expect(await ledgerOf(compositionId)).toEqual([
      { deviceId: binding?.deviceId, state: 'allocated' },
    ]);
  });

  it('with no agent answering, fails after the reschedules, keeps each device until its detach is observed, and leaks nothing', async () => {
    await responder?.stop();
    responder = undefined;
    const { compositionId } = await compose();
    const state = await harness.waitFor(compositionId, settled, 15_000);
    expect(state).toMatchObject({ status: 'failed', reschedules: 3 });
    // Every attempt's device was asked to detach; none may go to another composition before
    // its detach is observed, and none expires meanwhile.
    const detaching = state.status === 'absent' ? [] : state.bindings;
    expect(detaching).toHaveLength(4);
    expect(detaching.every((binding) => binding.status === 'detaching')).toBe(true);
    expect(await ledgerOf(compositionId)).toEqual(
      detaching
        .map(({ deviceId }) => ({ deviceId, state: 'allocated' }))
        .sort((a, b) => a.deviceId.localeCompare(b.deviceId)),
    );
    // Once agents answer again, every device the composition asked for is detached and released.
    responder = await startResponder();
    const cleaned = await harness.waitFor(
      compositionId,
      (current) => current.status !== 'absent' && current.bindings.length === 0,
      10_000,
    );
    expect(cleaned.status).toBe('failed');
    expect(await ledgerOf(compositionId)).toEqual([]);
  }, 30_000);
});
