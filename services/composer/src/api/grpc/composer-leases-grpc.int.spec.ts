import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { failureOf, violatedFields } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpuSpec } from './test-support/composer-calls.js';
import { type PlanningCalls, planningCalls, templateSpec } from './test-support/planning-calls.js';
import { type RunningComposer, startRunningComposer } from './test-support/running-composer.js';

const { CompositionPhase, LeaseAdmission, LeaseStatus } = composer;
const eventually = { timeout: 20_000, interval: 100 };

let composerProcess: RunningComposer;
let planning: PlanningCalls;
beforeAll(async () => {
  composerProcess = await startRunningComposer('composer_lease_grpc', { leaseCheckMs: 200 });
  planning = planningCalls(composerProcess.grpcUrl);
});
afterAll(async () => {
  planning.close();
  await composerProcess.close();
});

/** smallLab: h1 reaches 3 GPUs. Windows far ahead, so that nothing starts during the test. */
const year = { start: '2030-12-28T00:00:00Z', end: '2031-01-03T00:00:00Z' };
const later = { start: '2031-02-01T00:00:00Z', end: '2031-02-02T00:00:00Z' };
const oneGpu = (tenant: string) => ({ ...gpuSpec(tenant, 1), name: '' });
const lease = (tenant: string, count: number, window = year) => ({
  tenant,
  name: `${tenant}-nodes`,
  spec: oneGpu(tenant),
  count,
  ...window,
});
const gpusFitting = async (window: { start: string; end: string }) =>
  (
    await planning.capacity({
      spec: oneGpu('finance'),
      wanted: 1,
      limit: 10,
      windowStart: window.start,
      windowEnd: window.end,
    })
  ).fits;

describe('leases over gRPC', () => {
  it('admits a lease, holding its capacity for the window only', async () => {
    const admitted = await planning.createLease(lease('finance', 2));
    expect(admitted.admission).toBe(LeaseAdmission.LEASE_ADMISSION_ADMITTED);
    expect(admitted.held.map((placement) => placement.hostId)).toEqual(['h1', 'h1']);
    const { lease: stored } = await planning.getLease(admitted.leaseId);
    expect(stored).toMatchObject({
      leaseId: admitted.leaseId,
      tenant: 'finance',
      name: 'finance-nodes',
      status: LeaseStatus.LEASE_STATUS_ADMITTED,
      count: 2,
      start: '2030-12-28T00:00:00.000Z',
    });
    expect(stored?.held).toEqual(admitted.held);
    // Requested and admitted in one append: two events, recorded together.
    expect(stored?.version).toBe(2);
    expect(stored?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stored?.updatedAt).toBe(stored?.createdAt);
    expect(await gpusFitting(year)).toBe(1);
    expect(await gpusFitting(later)).toBe(3);
  });

  it('rejects an overlapping lease the window cannot hold, with the reason', async () => {
    const rejected = await planning.createLease(lease('research', 2));
    expect(rejected.admission).toBe(LeaseAdmission.LEASE_ADMISSION_REJECTED);
    expect(rejected.reason).not.toBe('');
    expect(rejected.shortfalls.map((shortfall) => shortfall.group)).toContain('gpus');
    expect((await planning.getLease(rejected.leaseId)).lease).toMatchObject({
      status: LeaseStatus.LEASE_STATUS_REJECTED,
      reason: rejected.reason,
      held: [],
    });
    const fits = await planning.createLease(lease('research', 3, later));
    expect(fits.admission).toBe(LeaseAdmission.LEASE_ADMISSION_ADMITTED);
  });

  it('admits N compositions of a template', async () => {
    await planning.defineTemplate({
      template: {
        name: 'drive',
        description: 'one NVMe drive',
        parameters: [],
        body: {
          tenant: 'media',
          host: { hostId: 'h1' },
          groups: [{ name: 'd', kind: 'nvme', count: 1 }],
        },
      },
    });
    const admitted = await planning.createLease({
      tenant: 'media',
      name: 'render',
      spec: templateSpec({ name: 'drive' }),
      count: 3,
      ...year,
    });
    expect(admitted.admission).toBe(LeaseAdmission.LEASE_ADMISSION_ADMITTED);
    expect(admitted.held).toHaveLength(3);
  });

  it('refuses bad requests naming the field, and stores nothing', async () => {
    const before = await composerProcess.storedEvents();
    const backwards = await failureOf(
      planning.createLease({ ...lease('finance', 1), start: year.end, end: year.start }),
    );
    expect(backwards.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(backwards.detail)).toEqual(['end']);
    const past = await failureOf(
      planning.createLease({ ...lease('finance', 1), start: '2020-01-01T00:00:00Z' }),
    );
    expect(violatedFields(past.detail)).toEqual(['start']);
    const noEnd = await failureOf(planning.createLease({ ...lease('finance', 1), end: undefined }));
    expect(violatedFields(noEnd.detail)).toEqual(['end']);
    const none = await failureOf(planning.createLease(lease('finance', 0)));
    expect(violatedFields(none.detail)).toEqual(['count']);
    const badSpec = await failureOf(
      planning.createLease({ ...lease('finance', 1), spec: { ...oneGpu('finance'), groups: [] } }),
    );
    expect(violatedFields(badSpec.detail)).toEqual(['spec.groups']);
    const unknown = await failureOf(
      planning.createLease({ ...lease('finance', 1), spec: templateSpec({ name: 'nothing' }) }),
    );
    expect(unknown.error.code).toBe(status.NOT_FOUND);
    expect(await composerProcess.storedEvents()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown lease', async () => {
    const unknown = await failureOf(planning.getLease('no-such-lease'));
    expect(unknown.error.code).toBe(status.NOT_FOUND);
    expect(unknown.detail?.code).toBe('LEASE_NOT_FOUND');
    const noId = await failureOf(planning.getLease(''));
    expect(violatedFields(noId.detail)).toEqual(['lease_id']);
    const cancel = await failureOf(planning.cancelLease({ leaseId: 'no-such-lease', reason: 'x' }));
    expect(cancel.error.code).toBe(status.NOT_FOUND);
  });

  it('lists leases by tenant and status, page by page', async () => {
    const finance = await planning.listLeases({ tenant: 'finance' });
    expect(finance.leases.map((found) => found.name)).toEqual(['finance-nodes']);
    const rejected = await planning.listLeases({ status: LeaseStatus.LEASE_STATUS_REJECTED });
    expect(rejected.leases.map((found) => found.tenant)).toEqual(['research']);
    const first = await planning.listLeases({ page: { pageSize: 2, pageToken: '' } });
    expect(first.leases).toHaveLength(2);
    const rest = await planning.listLeases({
      page: { pageSize: 10, pageToken: first.page?.nextPageToken ?? '' },
    });
    expect(rest.leases).toHaveLength(2);
    expect(rest.page?.nextPageToken).toBe('');
  });

  it('cancels a lease, giving its window back; cancelling again changes nothing', async () => {
    const [held] = (await planning.listLeases({ tenant: 'finance' })).leases;
    const request = { leaseId: held?.leaseId ?? '', reason: 'plans changed' };
    const noReason = await failureOf(planning.cancelLease({ ...request, reason: '' }));
    expect(violatedFields(noReason.detail)).toEqual(['reason']);
    expect(await planning.cancelLease(request)).toEqual({
      leaseId: request.leaseId,
      status: LeaseStatus.LEASE_STATUS_CANCELLED,
    });
    const events = await composerProcess.storedEvents();
    await planning.cancelLease(request);
    expect(await composerProcess.storedEvents()).toBe(events);
    expect(await gpusFitting(year)).toBe(3);
  });

  it('composes at the start of the window', async () => {
    // research's lease of every GPU in February 2031 stays admitted: a hold blocks its window only.
    const admitted = await planning.listLeases({ status: LeaseStatus.LEASE_STATUS_ADMITTED });
    expect(admitted.leases.map((found) => found.tenant)).toContain('research');
    const start = new Date(Date.now() + 1_500).toISOString();
    const end = new Date(Date.now() + 3_600_000).toISOString();
    const soon = await planning.createLease({ ...lease('ops', 1), start, end });
    expect(soon.admission).toBe(LeaseAdmission.LEASE_ADMISSION_ADMITTED);
    await expect
      .poll(async () => (await planning.getLease(soon.leaseId)).lease?.status, eventually)
      .toBe(LeaseStatus.LEASE_STATUS_STARTED);
    const [compositionId] = (await planning.getLease(soon.leaseId)).lease?.compositionIds ?? [];
    await expect
      .poll(
        async () =>
          (await composerProcess.calls.get(compositionId ?? '')).composition?.status?.phase,
        eventually,
      )
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
  });
  it('answers a retried request with its idempotency key, and refuses another under it', async () => {
    const keyed = {
      ...lease('archive', 1, {
        start: '2032-03-01T00:00:00Z',
        end: '2032-03-02T00:00:00Z',
      }),
      idempotencyKey: 'archive-feb',
    };
    const first = await planning.createLease(keyed);
    expect(first.admission).toBe(LeaseAdmission.LEASE_ADMISSION_ADMITTED);
    expect(await planning.createLease(keyed)).toMatchObject({ leaseId: first.leaseId });
    const other = await failureOf(planning.createLease({ ...keyed, count: 2 }));
    expect(other.error.code).toBe(status.ALREADY_EXISTS);
    expect((await planning.listLeases({ tenant: 'archive' })).leases).toHaveLength(1);
  });
});
