import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { failureOf, violatedFields } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpuSpec } from './test-support/composer-calls.js';
import { type PlanningCalls, planningCalls } from './test-support/planning-calls.js';
import { type RunningComposer, startRunningComposer } from './test-support/running-composer.js';

const { CompositionPhase } = composer;

let composerProcess: RunningComposer;
let planning: PlanningCalls;
beforeAll(async () => {
  composerProcess = await startRunningComposer('composer_quota_grpc');
  planning = planningCalls(composerProcess.grpcUrl);
});
afterAll(async () => {
  planning.close();
  await composerProcess.close();
});

const quota = (tenant: string, kind: string, maxDevices: number) => ({
  quota: { tenant, kind, maxDevices, inUse: 0 },
});

describe('quotas over gRPC', () => {
  it('sets a quota and shows it with current usage', async () => {
    expect(await planning.setQuota(quota('finance', 'gpu', 1))).toEqual({
      quota: { tenant: 'finance', kind: 'gpu', maxDevices: 1, inUse: 0 },
    });
    expect((await planning.listQuotas()).quotas).toEqual([
      { tenant: 'finance', kind: 'gpu', maxDevices: 1, inUse: 0 },
    ]);
    expect((await planning.listQuotas('render')).quotas).toEqual([]);
  });

  it('counts what the tenant holds and refuses a composition over the quota', async () => {
    const first = await composerProcess.calls.create({
      spec: gpuSpec('finance', 1),
      idempotencyKey: 'quota-1',
    });
    expect(first.status?.phase).toBe(CompositionPhase.COMPOSITION_PHASE_ATTACHING);
    expect((await planning.listQuotas('finance')).quotas).toEqual([
      { tenant: 'finance', kind: 'gpu', maxDevices: 1, inUse: 1 },
    ]);
    const second = await composerProcess.calls.create({
      spec: gpuSpec('finance', 1),
      idempotencyKey: 'quota-2',
    });
    expect(second.status?.phase).toBe(CompositionPhase.COMPOSITION_PHASE_FAILED);
    expect(second.status?.reason).toMatch(/finance.*gpu/);
  });

  it('counts quotas in capacity answers, as composing does', async () => {
    const ask = (tenant: string) =>
      planning.capacity({
        spec: { ...gpuSpec(tenant, 1), name: '' },
        wanted: 1,
        limit: 10,
        windowStart: '2030-01-01T00:00:00Z',
        windowEnd: '2030-01-02T00:00:00Z',
      });
    const finance = await ask('finance');
    expect(finance).toMatchObject({ fits: 0, enough: false });
    expect(finance.shortage?.unschedulableGroups[0]?.why).toMatch(/quota/i);
    expect(await ask('render')).toMatchObject({ fits: 2, enough: true });
  });

  it('refuses a bad quota naming the field, and changes nothing', async () => {
    const negative = await failureOf(planning.setQuota(quota('finance', 'gpu', -1)));
    expect(negative.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(negative.detail)).toEqual(['quota.max_devices']);
    const kind = await failureOf(planning.setQuota(quota('finance', 'gpus', 4)));
    expect(violatedFields(kind.detail)).toEqual(['quota.kind']);
    const tenant = await failureOf(planning.setQuota(quota('', 'gpu', 4)));
    expect(violatedFields(tenant.detail)).toEqual(['quota.tenant']);
    const none = await failureOf(planning.setQuota({}));
    expect(violatedFields(none.detail)).toEqual(['quota']);
    expect((await planning.listQuotas()).quotas).toEqual([
      expect.objectContaining({ tenant: 'finance', kind: 'gpu', maxDevices: 1 }),
    ]);
  });

  it('removes a quota; removing it again finds none', async () => {
    const noKind = await failureOf(planning.removeQuota({ tenant: 'finance', kind: '' }));
    expect(violatedFields(noKind.detail)).toEqual(['kind']);
    expect(await planning.removeQuota({ tenant: 'finance', kind: 'gpu' })).toEqual({
      removed: true,
    });
    expect(await planning.removeQuota({ tenant: 'finance', kind: 'gpu' })).toEqual({
      removed: false,
    });
    expect((await planning.listQuotas()).quotas).toEqual([]);
  });
});
