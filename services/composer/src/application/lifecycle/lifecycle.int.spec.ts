import {
  type CompositionSpec,
  CompositionSpecInvalidError,
  type CompositionState,
  InvalidCompositionCommandError,
  InvalidTransitionError,
} from '@tessera/composer-domain';
import { type SimulatedResponder, startSimulatedResponder } from '@tessera/simulated-agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetTopic } from '../../infrastructure/attach/index.js';
import { composerTopic } from '../../infrastructure/persistence/index.js';
import { type AttachHarness, startAttachHarness } from '../../test-support/attach-harness.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
} from '../../test-support/composer-fixture.js';
import { recordObservation } from '../attach/record-observation.handler.js';
import { startAttaching } from '../attach/start-attaching.handler.js';
import { requestComposition } from '../compose/request-composition.handler.js';
import { decomposeComposition } from './decompose-composition.handler.js';
import { expandComposition } from './expand-composition.handler.js';
import { ExpansionUnschedulableError } from './lifecycle-errors.js';
import { shrinkComposition } from './shrink-composition.handler.js';

let fixture: ComposerFixture;
let harness: AttachHarness;
let responder: SimulatedResponder | undefined;

beforeAll(async () => {
  fixture = await createComposerFixture();
  harness = await startAttachHarness({
    databaseUrl: fixture.database.url,
    index: gpuPool(24, 'lc'),
    attachTimeoutMs: 60_000,
    deadlineCheckMs: 200,
  });
  responder = await answering();
});

afterAll(async () => {
  await responder?.stop();
  await harness.close();
  await fixture.close();
});

const answering = (): Promise<SimulatedResponder> =>
  startSimulatedResponder({
    transport: harness.transport,
    intentsTopic: composerTopic,
    observationsTopic: fleetTopic,
    group: 'tessera.simulated-agents',
    latencyMs: { min: 5, max: 20 },
    failureRate: 0,
    seed: 1,
  });

/** No agent answers until `work` is done: observations are recorded by hand meanwhile. */
async function withoutAgents(work: () => Promise<void>): Promise<void> {
  await responder?.stop();
  responder = undefined;
  try {
    await work();
  } finally {
    responder = await answering();
  }
}

let keys = 0;
const gpus = (count: number): CompositionSpec => ({
  name: 'trainer',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [{ name: 'gpus', kind: 'gpu', count }],
});

async function scheduled(count: number) {
  const context = commandContext();
  const outcome = await requestComposition(
    harness.deps,
    { spec: gpus(count), idempotencyKey: `lifecycle-${(keys += 1)}`, requestedBy: 'alice' },
    context,
  );
  expect(outcome.status).toBe('scheduled');
  await startAttaching(harness.deps, outcome.compositionId, context);
  return outcome.compositionId;
}

const statusIs =
  (...statuses: CompositionState['status'][]) =>
  (state: CompositionState) =>
    statuses.includes(state.status);

async function ready(count: number): Promise<string> {
  const compositionId = await scheduled(count);
  await harness.waitFor(compositionId, statusIs('ready'), 10_000);
  return compositionId;
}

const ledgerOf = async (compositionId: string) =>
  (await fixture.ledgerRows())
    .filter((row) => row.compositionId === compositionId)
    .map(({ deviceId, state }) => ({ deviceId, state }));

const devicesOf = (state: CompositionState) =>
  state.status === 'absent' ? [] : state.bindings.map(({ deviceId }) => deviceId);

const detachObserved = (compositionId: string, deviceId: string) =>
  recordObservation(
    harness.deps,
    { observed: 'detach', compositionId, deviceIds: [deviceId] },
    commandContext('agent:h1'),
  );

describe('expanding a ready composition', () => {
  it('schedules the group on its host, attaches it and is ready with the devices allocated', async () => {
    const compositionId = await ready(1);
    const outcome = await expandComposition(
      harness.deps,
      { compositionId, group: { name: 'extra', kind: 'gpu', count: 2 } },
      commandContext(),
    );
    expect(outcome.status).toBe('expanding');
    const state = await harness.waitFor(compositionId, statusIs('ready'), 10_000);
    expect(state).toMatchObject({ expansions: [{ name: 'extra', count: 2 }] });
    const held = devicesOf(state);
    expect(held).toHaveLength(3);
    expect(await ledgerOf(compositionId)).toEqual(
      [...held].sort().map((deviceId) => ({ deviceId, state: 'allocated' })),
    );
  });

  it('refuses a group that does not fit, a bad group, a taken name or a composition not ready, storing nothing', async () => {
    const compositionId = await ready(1);
    const before = await harness.deps.compositions.load(compositionId);
    const expand = (group: unknown, id = compositionId) =>
      expandComposition(harness.deps, { compositionId: id, group }, commandContext());
    const tooBig = expand({ name: 'huge', kind: 'gpu', count: 40 });
    await expect(tooBig).rejects.toThrow(ExpansionUnschedulableError);
    await expect(tooBig).rejects.toThrow(
      /group "huge" does not fit on the host .*huge: needs 40 gpu/,
    );
    await expect(expand({ name: 'bad', kind: 'gpu', count: -1 })).rejects.toThrow(
      CompositionSpecInvalidError,
    );
    await expect(expand({ name: 'gpus', kind: 'gpu', count: 1 })).rejects.toThrow(
      'group.name: "gpus" is already a group',
    );
    const pending = await scheduled(1);
    await withoutAgents(async () => {
      const attaching = await scheduled(1);
      await expect(expand({ name: 'more', kind: 'gpu', count: 1 }, attaching)).rejects.toThrow(
        InvalidTransitionError,
      );
      await decomposeComposition(
        harness.deps,
        { compositionId: attaching, reason: 'cleanup' },
        commandContext(),
      );
    });
    await harness.waitFor(pending, statusIs('ready'), 10_000);
    expect(await harness.deps.compositions.load(compositionId)).toEqual(before);
    expect(await ledgerOf(compositionId)).toEqual([
      { deviceId: devicesOf(before.state)[0], state: 'allocated' },
    ]);
  });
});

describe('shrinking a ready composition', () => {
  it('detaches the devices and releases each only when its detach is observed', async () => {
    const compositionId = await ready(3);
    const [gone, ...kept] = devicesOf((await harness.deps.compositions.load(compositionId)).state);
    await withoutAgents(async () => {
      const outcome = await shrinkComposition(
        harness.deps,
        { compositionId, deviceIds: [gone!] },
        commandContext(),
      );
      expect(outcome.status).toBe('shrinking');
      expect((await ledgerOf(compositionId)).map(({ deviceId }) => deviceId)).toContain(gone);
      expect(await detachObserved(compositionId, gone!)).toMatchObject({ outcome: 'recorded' });
      const { state } = await harness.deps.compositions.load(compositionId);
      expect(state.status).toBe('ready');
      expect(devicesOf(state)).toEqual(kept);
      expect((await ledgerOf(compositionId)).map(({ deviceId }) => deviceId)).toEqual(kept);
    });
    const index = await harness.deps.candidates();
    expect(index.allocationsOf(gone!)).toBe(0);
  });

  it('refuses a device it does not hold, every device, or no device, storing nothing', async () => {
    const compositionId = await ready(2);
    const before = await fixture.storedCounts();
    const shrink = (deviceIds: readonly string[]) =>
      shrinkComposition(harness.deps, { compositionId, deviceIds }, commandContext());
    await expect(shrink(['lc-99'])).rejects.toThrow(
      `deviceIds: "lc-99" is not attached to composition "${compositionId}"`,
    );
    await expect(
      shrink(devicesOf((await harness.deps.compositions.load(compositionId)).state)),
    ).rejects.toThrow(InvalidCompositionCommandError);
    await expect(shrink([])).rejects.toThrow('deviceIds: must name at least one device');
    expect(await fixture.storedCounts()).toEqual(before);
  });
});

describe('decomposing', () => {
  it('detaches everything, ends decomposed with the ledger empty, and is idempotent', async () => {
    const compositionId = await ready(2);
    const decompose = () =>
      decomposeComposition(harness.deps, { compositionId, reason: 'done' }, commandContext());
    let events = 0;
    await withoutAgents(async () => {
      expect((await decompose()).status).toBe('decomposing');
      events = (await fixture.storedCounts()).events;
      expect((await decompose()).status).toBe('decomposing');
      expect((await fixture.storedCounts()).events).toBe(events);
      expect(await ledgerOf(compositionId)).toHaveLength(2);
    });
    await harness.waitFor(compositionId, statusIs('decomposed'), 10_000);
    expect(await ledgerOf(compositionId)).toEqual([]);
    expect((await decompose()).status).toBe('decomposed');
    await expect(
      decomposeComposition(harness.deps, { compositionId, reason: ' ' }, commandContext()),
    ).resolves.toMatchObject({ status: 'decomposed' });
    await expect(
      decomposeComposition(
        harness.deps,
        { compositionId: 'no-such', reason: 'x' },
        commandContext(),
      ),
    ).rejects.toThrow('there is no such composition');
  });
});

describe('a rolled-back attach', () => {
  it('keeps the devices it asked to detach in the ledger until their detach is observed', async () => {
    await withoutAgents(async () => {
      const compositionId = await scheduled(2);
      const [good, bad] = devicesOf((await harness.deps.compositions.load(compositionId)).state);
      const observe = (deviceId: string, outcome: 'attached' | 'failed') =>
        recordObservation(
          harness.deps,
          {
            observed: 'attach',
            compositionId,
            results: [{ deviceId, attempt: 1, outcome, detail: outcome }],
          },
          commandContext('agent:h1'),
        );
      await observe(good!, 'attached');
      await observe(bad!, 'failed');
      const { state } = await harness.deps.compositions.load(compositionId);
      expect(state).toMatchObject({ status: 'attaching', reschedules: 1, avoidDeviceIds: [bad] });
      const rows = await ledgerOf(compositionId);
      expect(rows).toContainEqual({ deviceId: good, state: 'allocated' });
      expect(rows.map(({ deviceId }) => deviceId)).not.toContain(bad);
      const index = await harness.deps.candidates();
      expect(index.allocationsOf(good!)).toBe(1);
      await detachObserved(compositionId, good!);
      expect((await ledgerOf(compositionId)).map(({ deviceId }) => deviceId)).not.toContain(good);
      expect(index.allocationsOf(good!)).toBe(0);
    });
  });
});
