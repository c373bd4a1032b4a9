import { status } from '@grpc/grpc-js';
import { failureOf } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposerCalls } from './test-support/composer-calls.js';
import { type RunningComposer, startRunningComposer } from './test-support/running-composer.js';

const { CompositionPhase } = composer;
/** Projections and the attach saga follow moments behind a command (longer on a loaded machine). */
const eventually = { timeout: 20_000, interval: 50 };

let running: RunningComposer | undefined;
let calls: ComposerCalls;

let pool: RunningComposer['pool'];

beforeAll(async () => {
  running = await startRunningComposer('composer_lifecycle');
  ({ calls, pool } = running);
});

afterAll(async () => {
  await running?.close();
});

const storedEvents = async (): Promise<number> =>
  (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM composer.events')).rows[0]?.n ??
  0;
const statusOf = async (compositionId: string) =>
  (await calls.get(compositionId)).composition?.status;
const phaseOf = async (compositionId: string) => (await statusOf(compositionId))?.phase;

const nvmes = (name: string, count: number): composer.DeviceGroup => ({
  name,
  kind: 'nvme',
  count,
  selectors: [],
  labels: {},
  alternatives: [],
});

async function readyWithOne(key: string, kind: string): Promise<string> {
  const group = { ...nvmes('first', 1), kind };
  const created = await calls.create({
    spec: { name: 'db', tenant: 'ops', labels: {}, hostId: 'h1', groups: [group] },
    idempotencyKey: key,
  });
  await expect
    .poll(() => phaseOf(created.compositionId), eventually)
    .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
  return created.compositionId;
}

describe('changing a composition through gRPC', () => {
  it('expands a ready composition to ready, shrinks it, and decomposes it twice', async () => {
    const compositionId = await readyWithOne('lifecycle-1', 'nvme');
    const expanded = await calls.expand({ compositionId, group: nvmes('more', 2) });
    expect(expanded).toMatchObject({
      compositionId,
      phase: CompositionPhase.COMPOSITION_PHASE_EXPANDING,
    });
    expect(expanded.deviceIds).toHaveLength(2);
    const readyWithMore = async () => {
      const now = await statusOf(compositionId);
      const more = now?.groups.find((group) => group.group === 'more')?.deviceIds ?? [];
      return { phase: now?.phase, more: [...more].sort() };
    };
    await expect.poll(readyWithMore, eventually).toEqual({
      phase: CompositionPhase.COMPOSITION_PHASE_READY,
      more: [...expanded.deviceIds].sort(),
    });

    const shrunk = await calls.shrink({ compositionId, deviceIds: [expanded.deviceIds[0]!] });
    expect(shrunk.phase).toBe(CompositionPhase.COMPOSITION_PHASE_SHRINKING);
    await expect
      .poll(async () => (await statusOf(compositionId))?.groups.flatMap((g) => g.deviceIds), {
        ...eventually,
      })
      .toHaveLength(2);
    await expect
      .poll(() => phaseOf(compositionId), eventually)
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);

    const first = await calls.decompose({ compositionId, reason: 'done' });
    expect(first.phase).toBe(CompositionPhase.COMPOSITION_PHASE_DECOMPOSING);
    await expect
      .poll(() => phaseOf(compositionId), eventually)
      .toBe(CompositionPhase.COMPOSITION_PHASE_DECOMPOSED);
    const events = await storedEvents();
    const second = await calls.decompose({ compositionId, reason: 'done' });
    expect(second).toEqual({ compositionId, phase: CompositionPhase.COMPOSITION_PHASE_DECOMPOSED });
    expect(await storedEvents()).toBe(events);

    const notReady = await failureOf(calls.expand({ compositionId, group: nvmes('late', 1) }));
    expect(notReady.error.code).toBe(status.FAILED_PRECONDITION);
    expect(notReady.detail?.code).toBe('COMPOSITION_INVALID_TRANSITION');
  });

  it('refuses a bad group, a group that does not fit and an unknown id, storing nothing', async () => {
    const compositionId = await readyWithOne('lifecycle-2', 'gpu');
    const before = await storedEvents();

    const bad = await failureOf(
      calls.expand({ compositionId, group: { ...nvmes('bad', -1), kind: 'nvmes' } }),
    );
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.detail?.fieldViolations.map((violation) => violation.field).sort()).toEqual([
      'group.count',
      'group.kind',
    ]);
    const noGroup = await failureOf(calls.expand({ compositionId }));
    expect(noGroup.detail?.fieldViolations.map((violation) => violation.field)).toEqual(['group']);

    const tooBig = await failureOf(calls.expand({ compositionId, group: nvmes('huge', 9) }));
    expect(tooBig.error.code).toBe(status.FAILED_PRECONDITION);
    expect(tooBig.detail).toMatchObject({
      code: 'COMPOSITION_UNSCHEDULABLE',
      metadata: { composition_id: compositionId, group: 'huge' },
    });
    expect(tooBig.detail?.fieldViolations[0]).toMatchObject({
      field: 'group',
      code: 'UNSCHEDULABLE',
    });
    expect(tooBig.detail?.fieldViolations[0]?.description).toMatch(/^huge: needs 9 nvme/);

    const shrinkBad = await failureOf(calls.shrink({ compositionId, deviceIds: ['n99'] }));
    expect(shrinkBad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(shrinkBad.detail?.fieldViolations.map((violation) => violation.field)).toEqual([
      'device_ids',
    ]);
    const noReason = await failureOf(calls.decompose({ compositionId, reason: ' ' }));
    expect(noReason.detail?.fieldViolations.map((violation) => violation.field)).toEqual([
      'reason',
    ]);
    const noId = await failureOf(calls.decompose({ compositionId: '', reason: 'x' }));
    expect(noId.detail?.fieldViolations.map((violation) => violation.field)).toEqual([
      'composition_id',
    ]);

    const unknown = '0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4';
    for (const call of [
      () => calls.expand({ compositionId: unknown, group: nvmes('more', 1) }),
      () => calls.shrink({ compositionId: unknown, deviceIds: ['n1'] }),
      () => calls.decompose({ compositionId: unknown, reason: 'x' }),
    ]) {
      const { error, detail } = await failureOf(call());
      expect(error.code).toBe(status.NOT_FOUND);
      expect(detail?.code).toBe('COMPOSITION_NOT_FOUND');
    }
    expect(await storedEvents()).toBe(before);
    expect(await phaseOf(compositionId)).toBe(CompositionPhase.COMPOSITION_PHASE_READY);
  });
});
