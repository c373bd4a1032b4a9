import {
  CompositionSpecInvalidError,
  type CompositionSpec,
  IdempotencyConflictError,
} from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  gpuPool,
  smallLab,
} from '../../test-support/composer-fixture.js';
import { requestComposition } from './request-composition.handler.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const analytics: CompositionSpec = {
  name: 'analytics-1',
  tenant: 'finance',
  host: { hostId: 'h1' },
  groups: [
    {
      name: 'gpus',
      kind: 'gpu',
      count: 2,
      selectors: [{ attribute: 'memoryGiB', op: '>=', value: 80 }],
    },
    { name: 'scratch', kind: 'nvme', count: 2 },
  ],
};

let keys = 0;
const request = (spec: unknown, idempotencyKey = `key-${(keys += 1)}`) => ({
  spec,
  idempotencyKey,
  requestedBy: 'alice',
});

describe('requestComposition', () => {
  it('stores nothing for a bad spec and lists every problem', async () => {
    const before = await fixture.storedCounts();
    const { deps } = fixture.replica('replica-a', smallLab);
    const bad = { ...analytics, name: 'Bad Name', priority: 5000, groups: [] };
    const attempt = requestComposition(deps, request(bad), commandContext());
    await expect(attempt).rejects.toThrow(CompositionSpecInvalidError);
    const error = (await attempt.catch((caught: unknown) => caught)) as CompositionSpecInvalidError;
    expect(error.problems.map((problem) => problem.path).sort()).toEqual([
      'groups',
      'name',
      'priority',
    ]);
    expect(await fixture.storedCounts()).toEqual(before);
  });

  it('schedules a request and reserves exactly the chosen devices in the ledger', async () => {
    const { deps, persistence } = fixture.replica('replica-a', smallLab);
    const outcome = await requestComposition(deps, request(analytics), commandContext());
    expect(outcome).toMatchObject({
      status: 'scheduled',
      assignment: {
        hostId: 'h1',
        groups: [
          { group: 'gpus', deviceIds: ['g1', 'g2'] },
          { group: 'scratch', deviceIds: ['n1', 'n2'] },
        ],
      },
    });
    const rows = (await fixture.ledgerRows()).filter(
      (row) => row.compositionId === outcome.compositionId,
    );
    expect(rows).toEqual(
      ['g1', 'g2', 'n1', 'n2'].map((deviceId) => ({
        deviceId,
        compositionId: outcome.compositionId,
        state: 'reserved',
        owner: 'replica-a',
      })),
    );
    const { state } = await persistence.compositions.load(outcome.compositionId);
    expect(state).toMatchObject({ status: 'scheduled', hostId: 'h1' });
  });

  it('gives one composition for one idempotency key, and refuses it with another spec', async () => {
    const { deps } = fixture.replica('replica-a', () => gpuPool(4));
    const spec = { ...analytics, groups: [{ name: 'gpus', kind: 'gpu', count: 1 }] };
    const first = await requestComposition(deps, request(spec, 'once'), commandContext());
    const again = await requestComposition(deps, request(spec, 'once'), commandContext());
    expect(again).toEqual(first);
    expect(first.status).toBe('scheduled');
    const held = (await fixture.ledgerRows()).filter((row) => row.deviceId.startsWith('gpu-'));
    expect(held.map((row) => row.compositionId)).toEqual([first.compositionId]);

    const other = { ...spec, groups: [{ name: 'gpus', kind: 'gpu', count: 2 }] };
    await expect(
      requestComposition(deps, request(other, 'once'), commandContext()),
    ).rejects.toThrow(IdempotencyConflictError);
  });

  it('gives one composition when two replicas get the same key at once', async () => {
    const lab = () => gpuPool(4, 'twice');
    const [a, b] = [fixture.replica('replica-a', lab), fixture.replica('replica-b', lab)];
    const spec = { ...analytics, groups: [{ name: 'gpus', kind: 'gpu', count: 1 }] };
    const [first, second] = await Promise.all(
      [a, b].map(({ deps }) => requestComposition(deps, request(spec, 'twice'), commandContext())),
    );
    expect(second).toEqual(first);
    expect(first?.status).toBe('scheduled');
    const held = (await fixture.ledgerRows()).filter((row) => row.deviceId.startsWith('twice-'));
    expect(held.map((row) => row.compositionId)).toEqual([first?.compositionId]);
  });

  it('fails a spec that cannot fit, explaining each group, and holds nothing', async () => {
    const { deps, persistence } = fixture.replica('replica-a', smallLab);
    const tooBig = {
      ...analytics,
      groups: [
        { ...analytics.groups[0]!, count: 3 },
        { name: 'scratch', kind: 'nvme', count: 2 },
      ],
    };
    const outcome = await requestComposition(deps, request(tooBig), commandContext());
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.unschedulable.map((group) => group.group)).toEqual(['gpus', 'scratch']);
    expect(outcome.failure?.unschedulable[0]?.why).toMatch(/DeviceSelector 1/);
    const { state } = await persistence.compositions.load(outcome.compositionId);
    expect(state).toMatchObject({ status: 'failed', failure: outcome.failure });
    const rows = await fixture.ledgerRows();
    expect(rows.filter((row) => row.compositionId === outcome.compositionId)).toEqual([]);
  });

  it('chooses again when the ledger says another replica took the device first', async () => {
    const lab = () => gpuPool(3, 'retry');
    const spec = { ...analytics, groups: [{ name: 'gpus', kind: 'gpu', count: 1 }] };
    const a = fixture.replica('replica-a', lab);
    const b = fixture.replica('replica-b', lab);
    const taken = await requestComposition(b.deps, request(spec), commandContext());
    expect(taken.assignment?.groups[0]?.deviceIds).toEqual(['retry-00']);

    const outcome = await requestComposition(a.deps, request(spec), commandContext());
    expect(outcome.assignment?.groups[0]?.deviceIds).toEqual(['retry-01']);
    expect(a.index.allocationsOf('retry-00')).toBe(1);
  });
});
