import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, type ApiClient } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface Placement {
  hostId: string;
  groups: { group: string; deviceIds: string[] }[];
}

interface Lease {
  id: string;
  tenant: string;
  spec: { name: string; count: number; start: string; end: string };
  status: { phase: string; reason?: string; held: Placement[] };
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Capacity {
  outcome: string;
  fits: number;
  wanted: number;
  enough: boolean;
  placements: Placement[];
  shortage?: { reason: string; groups: { group: string; kind: string; missing: number }[] };
}

interface Timeline {
  steps: {
    start: string;
    kinds: { kind: string; total: number; free: number; committed: number }[];
  }[];
}

/** A whole minute `hours` from now: the composer keeps lease times to the second. */
const hoursFromNow = (hours: number) =>
  new Date(Math.floor((Date.now() + hours * 3_600_000) / 60_000) * 60_000).toISOString();

/** 2 GPUs and 4 NVMe drives on any host. */
const gpuServer = {
  hostSelector: {},
  groups: [
    { name: 'gpus', kind: 'gpu', count: 2 },
    { name: 'disks', kind: 'nvme', count: 4 },
  ],
};

const oneGpu = { hostSelector: {}, groups: [{ name: 'gpus', kind: 'gpu', count: 1 }] };

let plane: ControlPlane;
let finance: ApiClient;
let research: ApiClient;

beforeAll(async () => {
  plane = await startControlPlane('e2e-planning');
  finance = await plane.clientWith('operator:finance');
  research = await plane.clientWith('operator:research');
});

afterAll(async () => {
  await plane.close();
});

function expectProblem(answer: ApiAnswer, status: number): Record<string, unknown> {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return answer.body as Record<string, unknown>;
}

function fieldsOf(problem: Record<string, unknown>): string[] {
  return ((problem.errors ?? []) as { field: string }[]).map((error) => error.field);
}

const leaseOf = (name: string, count: number, spec: object, fromHour: number, toHour: number) => ({
  tenant: 'finance',
  name,
  count,
  spec,
  start: hoursFromNow(fromHour),
  end: hoursFromNow(toHour),
});

describe('templates', () => {
  it('are defined by a platform admin, read by anyone, and answer capacity questions', async () => {
    const definition = {
      name: 'gpu-box',
      description: 'GPUs and a scratch drive',
      parameters: [{ name: 'gpus', type: 'number', defaultValue: 1, min: 1, max: 4 }],
      body: {
        host: { selector: {} },
        groups: [
          { name: 'gpus', kind: 'gpu', count: '${gpus}' },
          { name: 'scratch', kind: 'nvme', count: 1 },
        ],
      },
    };
    expectProblem(await finance.post('/v1/templates', { template: definition }), 403);
    const defined = await plane.admin.post('/v1/templates', { template: definition });
    expect(defined.status).toBe(201);
    expect(defined.headers.get('location')).toBe('/v1/templates/gpu-box?version=1');
    expect(defined.body).toMatchObject({
      name: 'gpu-box',
      version: 1,
      status: { phase: 'Active', latestVersion: 1 },
      spec: { parameters: [{ name: 'gpus', defaultValue: 1 }] },
    });
    const listed = await finance.get('/v1/templates');
    expect((listed.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ name: 'gpu-box', status: { phase: 'Active', latestVersion: 1 } }),
    );
    expect((await finance.get('/v1/templates/gpu-box?version=1')).status).toBe(200);
    expectProblem(await finance.get('/v1/templates/gpu-box?version=7'), 404);

    const capacity = await finance.post('/v1/capacity', {
      spec: { tenant: 'finance', template: { name: 'gpu-box', parameters: { gpus: 2 } } },
      wanted: 1,
      windowStart: hoursFromNow(1),
      windowEnd: hoursFromNow(2),
    });
    expect(capacity.status).toBe(200);
    const answer = capacity.body as Capacity;
    expect(answer).toMatchObject({ outcome: 'Answered', fits: 1, enough: true });
    expect(answer.placements[0]?.groups.map((group) => group.deviceIds.length)).toEqual([2, 1]);

    expectProblem(await finance.delete('/v1/templates/gpu-box'), 403);
    const read = await finance.get('/v1/templates/gpu-box');
    expect(read.headers.get('etag')).toBe('"1-active"');
    const stale = await plane.admin.post(
      '/v1/templates/gpu-box/retire',
      { reason: 'replaced' },
      { 'if-match': '"1-retired"' },
    );
    expect(expectProblem(stale, 412).detail).toMatch(/at version 1, Active/);
    const retired = await plane.admin.post(
      '/v1/templates/gpu-box/retire',
      { reason: 'replaced' },
      { 'if-match': read.headers.get('etag') ?? '' },
    );
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: { phase: 'Retired' } });
    expect(retired.headers.get('etag')).toBe('"1-retired"');
    const refused = await finance.post('/v1/capacity', {
      spec: { tenant: 'finance', template: { name: 'gpu-box' } },
      wanted: 1,
      windowStart: hoursFromNow(1),
      windowEnd: hoursFromNow(2),
    });
    expect(expectProblem(refused, 409).code).toBe('TEMPLATE_RETIRED');
  });
});

describe('capacity', () => {
  it('answers how many servers of 2 GPUs and 4 NVMe drives fit, and what one more lacks', async () => {
    const question = {
      spec: { tenant: 'finance', ...gpuServer },
      windowStart: hoursFromNow(200),
      windowEnd: hoursFromNow(201),
    };
    const counted = await finance.post('/v1/capacity', { ...question, wanted: 1, limit: 1000 });
    expect(counted.status).toBe(200);
    const { fits, placements } = counted.body as Capacity;
    expect(fits).toBeGreaterThan(1);
    expect(placements).toHaveLength(fits);

    const tooMany = await finance.post('/v1/capacity', { ...question, wanted: fits + 1 });
    expect(tooMany.body).toMatchObject({ fits, wanted: fits + 1, enough: false });
    const { shortage } = tooMany.body as Capacity;
    expect(shortage?.reason).not.toBe('');
    expect(shortage?.groups.map((group) => group.group).sort()).toEqual(['disks', 'gpus']);
  });

  it('lets a viewer read the timeline, and refuses another tenant', async () => {
    const viewer = await plane.clientWith('viewer:finance');
    const timeline = await viewer.get(
      `/v1/capacity/timeline?start=${hoursFromNow(300)}&end=${hoursFromNow(303)}&stepSeconds=3600`,
    );
    expect(timeline.status).toBe(200);
    const { steps } = timeline.body as Timeline;
    expect(steps).toHaveLength(3);
    const gpus = steps[0]?.kinds.find((kind) => kind.kind === 'gpu');
    expect(gpus?.total).toBeGreaterThan(0);
    expect(gpus?.free).toBeLessThanOrEqual(gpus?.total ?? 0);
    const forFinance = await research.post('/v1/capacity', {
      spec: { ...gpuServer, tenant: 'finance' },
      wanted: 1,
      windowStart: hoursFromNow(1),
      windowEnd: hoursFromNow(2),
    });
    expectProblem(forFinance, 403);
  });
});

describe('leases', () => {
  it('holds servers for a future window, is read by its tenant only, and is cancelled', async () => {
    const request = leaseOf('quarter-close', 2, oneGpu, 400, 424);
    const created = await finance.post('/v1/leases', request, { 'idempotency-key': 'qc-1' });
    expect(created.status).toBe(201);
    const lease = created.body as Lease;
    expect(created.headers.get('location')).toBe(`/v1/leases/${lease.id}`);
    expect(lease).toMatchObject({
      tenant: 'finance',
      spec: { name: 'quarter-close', count: 2 },
      status: { phase: 'Admitted' },
    });
    expect(lease.status.held).toHaveLength(2);
    const retried = await finance.post('/v1/leases', request, { 'idempotency-key': 'qc-1' });
    expect((retried.body as Lease).id).toBe(lease.id);

    // Steps of an hour: the one before the window, and the window's first.
    const start = new Date(request.start).getTime();
    const hourBefore = new Date(start - 3_600_000).toISOString();
    const hourAfter = new Date(start + 3_600_000).toISOString();
    const timeline = await finance.get(
      `/v1/capacity/timeline?start=${hourBefore}&end=${hourAfter}&stepSeconds=3600`,
    );
    const committed = (timeline.body as Timeline).steps.map(
      (step) => step.kinds.find((kind) => kind.kind === 'gpu')?.committed ?? 0,
    );
    expect(committed[1]).toBe((committed[0] ?? 0) + 2);

    expect((await finance.get(`/v1/leases/${lease.id}`)).body).toMatchObject({ id: lease.id });
    const listed = await finance.get('/v1/leases');
    expect((listed.body as { items: Lease[] }).items.map((item) => item.id)).toContain(lease.id);

    expectProblem(await research.get(`/v1/leases/${lease.id}`), 404);
    expectProblem(await research.post(`/v1/leases/${lease.id}/cancel`, {}), 404);
    const theirs = await research.get('/v1/leases');
    expect((theirs.body as { items: Lease[] }).items.map((item) => item.id)).not.toContain(
      lease.id,
    );
    expectProblem(await research.get('/v1/leases?tenant=finance'), 403);

    const read = await finance.get(`/v1/leases/${lease.id}`);
    const { version, createdAt, updatedAt } = read.body as Lease;
    expect(read.headers.get('etag')).toBe(`"${String(version)}"`);
    expect(Date.parse(createdAt)).toBeLessThanOrEqual(Date.parse(updatedAt));
    const stale = await finance.post(
      `/v1/leases/${lease.id}/cancel`,
      { reason: 'moved' },
      { 'if-match': `"${String(version - 1)}"` },
    );
    expect(expectProblem(stale, 412).code).toBe('VERSION_MISMATCH');
    expect((await finance.get(`/v1/leases/${lease.id}`)).body).toMatchObject({
      status: { phase: 'Admitted' },
      version,
    });
    const cancelled = await finance.post(
      `/v1/leases/${lease.id}/cancel`,
      { reason: 'moved' },
      { 'if-match': read.headers.get('etag') ?? '' },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: { phase: 'Cancelled', reason: 'moved' } });
    expect((cancelled.body as Lease).version).toBeGreaterThan(version);
    expect(cancelled.headers.get('etag')).toBe(`"${String((cancelled.body as Lease).version)}"`);
    expect((await finance.delete(`/v1/leases/${lease.id}`)).status).toBe(200);
    const cancelledOnly = await finance.get('/v1/leases?phase=Cancelled');
    expect((cancelledOnly.body as { items: Lease[] }).items.map((item) => item.id)).toEqual([
      lease.id,
    ]);
  });

  it('refuses a lease that cannot fit with 409 and why, and records the refusal', async () => {
    const huge = { hostSelector: {}, groups: [{ name: 'gpus', kind: 'gpu', count: 64 }] };
    const refused = await finance.post('/v1/leases', leaseOf('too-big', 1, huge, 500, 501));
    const problem = expectProblem(refused, 409);
    expect(problem.code).toBe('LEASE_REJECTED');
    expect(problem.detail).toMatch(/group gpus: needs 64 gpu/);
    const recorded = await finance.get(refused.headers.get('location') ?? '');
    const lease = recorded.body as Lease;
    expect(lease.status.phase).toBe('Rejected');
    expect(problem.detail).toContain(lease.status.reason);
  });

  it('answers an end before the start with 400 naming the field', async () => {
    const backwards = await finance.post('/v1/leases', leaseOf('backwards', 1, oneGpu, 600, 599));
    expect(fieldsOf(expectProblem(backwards, 400))).toEqual(['end']);
    const capacity = await finance.post('/v1/capacity', {
      spec: oneGpu,
      wanted: 1,
      windowStart: hoursFromNow(600),
      windowEnd: hoursFromNow(599),
    });
    expect(fieldsOf(expectProblem(capacity, 400))).toEqual(['windowEnd']);
    const unreadable = await finance.post('/v1/leases', {
      ...leaseOf('unreadable', 1, oneGpu, 600, 601),
      start: 'next tuesday',
    });
    expect(fieldsOf(expectProblem(unreadable, 400))).toEqual(['start']);
  });
});

describe('quotas', () => {
  it("are set by a platform admin only, read by the tenant's viewers, and limit leases", async () => {
    const financeAdmin = await plane.clientWith('admin:finance');
    const viewer = await plane.clientWith('viewer:finance');
    expectProblem(await financeAdmin.put('/v1/quotas/finance/gpu', { maxDevices: 100 }), 403);
    expectProblem(await viewer.put('/v1/quotas/finance/gpu', { maxDevices: 100 }), 403);

    const set = await plane.admin.put('/v1/quotas/finance/gpu', { maxDevices: 3 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ tenant: 'finance', kind: 'gpu', maxDevices: 3, inUse: 0 });
    for (const path of ['/v1/quotas', '/v1/quotas?tenant=finance']) {
      expect((await viewer.get(path)).body).toEqual({ items: [set.body] });
    }
    expectProblem(await research.get('/v1/quotas?tenant=finance'), 403);

    const over = await finance.post('/v1/leases', leaseOf('over-quota', 4, oneGpu, 700, 701));
    expect(expectProblem(over, 409).code).toBe('LEASE_REJECTED');

    expectProblem(await financeAdmin.delete('/v1/quotas/finance/gpu'), 403);
    expect((await plane.admin.delete('/v1/quotas/finance/gpu')).status).toBe(204);
    expect(expectProblem(await plane.admin.delete('/v1/quotas/finance/gpu'), 404).code).toBe(
      'QUOTA_NOT_FOUND',
    );
    expect((await viewer.get('/v1/quotas')).body).toEqual({ items: [] });
  });
});
