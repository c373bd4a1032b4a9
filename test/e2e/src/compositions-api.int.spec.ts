import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, type ApiClient, eventually } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface Composition {
  id: string;
  tenant: string;
  status: { phase: string; devices: { group: string; deviceIds: string[] }[]; reason: string };
  version: number;
}

const serverOf = (name: string, tenant = 'finance') => ({
  spec: {
    name,
    tenant,
    hostSelector: {},
    groups: [
      { name: 'gpus', kind: 'gpu', count: 2 },
      { name: 'disks', kind: 'nvme', count: 4 },
    ],
  },
});

let plane: ControlPlane;
let finance: ApiClient;

beforeAll(async () => {
  plane = await startControlPlane('e2e-compositions');
  finance = await plane.clientWith('operator:finance');
});

afterAll(async () => {
  await plane.close();
});

async function phaseReached(client: ApiClient, id: string, phase: string): Promise<Composition> {
  const answer = await eventually(
    () => client.get(`/v1/compositions/${id}`),
    (read) => (read.body as Composition).status.phase === phase,
  );
  return answer.body as Composition;
}

function expectProblem(answer: ApiAnswer, status: number): Record<string, unknown> {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = answer.body as Record<string, unknown>;
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(/^urn:tessera:problem:/);
  return problem;
}

describe('compositions through the REST API', () => {
  it('composes 2 GPUs and 4 NVMe drives, becomes Ready, expands, and decomposes', async () => {
    const created = await finance.post('/v1/compositions', serverOf('render-01'), {
      'idempotency-key': 'render-01-first',
    });
    expect(created.status).toBe(202);
    const { id } = created.body as Composition;
    expect(created.headers.get('location')).toBe(`/v1/compositions/${id}`);

    const ready = await phaseReached(finance, id, 'Ready');
    expect(ready.status.devices.map((group) => group.deviceIds.length).sort()).toEqual([2, 4]);

    const expanded = await finance.post(
      `/v1/compositions/${id}/expand`,
      { group: { name: 'more-disks', kind: 'nvme', count: 1 } },
      { 'if-match': `"${ready.version}"` },
    );
    expect(expanded.status).toBe(202);
    const grown = await eventually(
      () => finance.get(`/v1/compositions/${id}`),
      (read) =>
        (read.body as Composition).status.phase === 'Ready' &&
        (read.body as Composition).status.devices.length === 3,
    );
    expect((grown.body as Composition).status.devices.flatMap((g) => g.deviceIds)).toHaveLength(7);

    const gone = await finance.post(`/v1/compositions/${id}/decompose`, { reason: 'render done' });
    expect(gone.status).toBe(202);
    await phaseReached(finance, id, 'Decomposed');
    const again = await finance.delete(`/v1/compositions/${id}`);
    expect(again.status).toBe(202);
  });

  it('answers a repeated Idempotency-Key with the first composition', async () => {
    const first = await finance.post('/v1/compositions', serverOf('render-02'), {
      'idempotency-key': 'render-02-key',
    });
    const second = await finance.post('/v1/compositions', serverOf('render-02'), {
      'idempotency-key': 'render-02-key',
    });
    expect((second.body as Composition).id).toBe((first.body as Composition).id);
  });

  it('refuses a change whose If-Match names an old version', async () => {
    const created = await finance.post('/v1/compositions', serverOf('render-03'));
    const { id } = created.body as Composition;
    await phaseReached(finance, id, 'Ready');
    const stale = await finance.post(`/v1/compositions/${id}/decompose`, {}, { 'if-match': '"1"' });
    expect(expectProblem(stale, 412).code).toBe('VERSION_MISMATCH');
  });

  it('previews a spec that cannot fit with why, per group', async () => {
    const preview = await finance.post('/v1/compositions/preview', {
      spec: {
        name: 'too-big',
        tenant: 'finance',
        hostSelector: {},
        groups: [{ name: 'gpus', kind: 'gpu', count: 64 }],
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      outcome: 'Unschedulable',
      unschedulableGroups: [{ group: 'gpus' }],
    });
    const [gpus] = (preview.body as { unschedulableGroups: { why: string }[] }).unschedulableGroups;
    expect(gpus?.why).toMatch(/\S/);
  });
});

describe('reserve, then apply', () => {
  it("holds a preview's choice and composes exactly those devices; only for its tenant", async () => {
    const reserved = await finance.post('/v1/reservations', {
      ...serverOf('held-01'),
      holdSeconds: 60,
    });
    expect(reserved.status).toBe(200);
    const held = reserved.body as {
      outcome: string;
      reservationId: string;
      devices: { group: string; deviceIds: string[] }[];
    };
    expect(held.outcome).toBe('Fits');
    const research = await plane.clientWith('operator:research');
    expectProblem(await research.post(`/v1/reservations/${held.reservationId}/apply`), 404);
    const applied = await finance.post(`/v1/reservations/${held.reservationId}/apply`);
    expect(applied.status).toBe(202);
    const ready = await phaseReached(finance, (applied.body as Composition).id, 'Ready');
    const devices = (list: { deviceIds: string[] }[]) => list.flatMap((g) => g.deviceIds).sort();
    expect(devices(ready.status.devices)).toEqual(devices(held.devices));
  });
});

describe('guarding', () => {
  it('answers 401 without a token and with an unknown one', async () => {
    const anonymous = await fetch(`${plane.baseUrl}/v1/compositions`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/problem\+json/);
    const forged = await plane.admin.request('GET', '/v1/compositions', undefined, {
      authorization: 'Bearer tsr_not-a-token',
    });
    expectProblem(forged, 401);
  });

  it('keeps tenants apart: another tenant gets 404 and sees nothing in lists', async () => {
    const research = await plane.clientWith('operator:research');
    const created = await finance.post('/v1/compositions', serverOf('ledger-01'));
    const { id } = created.body as Composition;
    expectProblem(await research.get(`/v1/compositions/${id}`), 404);
    expectProblem(await research.post(`/v1/compositions/${id}/decompose`, {}), 404);
    expectProblem(await research.post('/v1/compositions', serverOf('sneaky', 'finance')), 403);
    const listed = await research.get('/v1/compositions');
    expect(listed.status).toBe(200);
    expect((listed.body as { items: Composition[] }).items).toEqual([]);
    expectProblem(await research.get('/v1/compositions?tenant=finance'), 403);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await plane.clientWith('viewer:finance');
    expect((await viewer.get('/v1/compositions')).status).toBe(200);
    expectProblem(await viewer.post('/v1/compositions', serverOf('viewer-try')), 403);
  });

  it('stops accepting a revoked token at once', async () => {
    const issued = await plane.admin.post('/v1/tokens', {
      name: 'short-lived',
      grants: ['viewer:finance'],
    });
    expect(issued.status).toBe(201);
    const { id, secret } = issued.body as { id: string; secret: string };
    const listed = await plane.admin.get('/v1/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const client = await import('./test-support/api-client.js').then((m) =>
      m.apiClient(plane.baseUrl, secret),
    );
    expect((await client.get('/v1/compositions')).status).toBe(200);
    expect((await plane.admin.delete(`/v1/tokens/${id}`)).status).toBe(204);
    expectProblem(await client.get('/v1/compositions'), 401);
  });

  it('refuses a tenant admin granting beyond its tenant', async () => {
    const financeAdmin = await plane.clientWith('admin:finance');
    const escalate = await financeAdmin.post('/v1/tokens', {
      name: 'escalate',
      grants: ['admin:*'],
    });
    expectProblem(escalate, 403);
    const ok = await financeAdmin.post('/v1/tokens', {
      name: 'fin-bot',
      grants: ['operator:finance'],
    });
    expect(ok.status).toBe(201);
  });
});

describe('bad input', () => {
  it('names every bad field and stores nothing', async () => {
    const before = await plane.admin.get('/v1/compositions?tenant=finance&pageSize=1000');
    const answer = await finance.post('/v1/compositions', {
      spec: {
        name: 'bad',
        tenant: 'finance',
        groups: [{ name: 'gpus', kind: 'gpu', count: 'two', colour: 'red' }],
        priority: 1.5,
      },
    });
    const problem = expectProblem(answer, 400);
    const fields = (problem.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['spec.groups[0].colour', 'spec.groups[0].count', 'spec.priority']),
    );
    const after = await plane.admin.get('/v1/compositions?tenant=finance&pageSize=1000');
    expect((after.body as { items: unknown[] }).items).toHaveLength(
      (before.body as { items: unknown[] }).items.length,
    );
  });

  it("passes the composer's own field errors on, in the API's names", async () => {
    const answer = await finance.post('/v1/compositions', {
      spec: {
        name: 'bad-kind',
        tenant: 'finance',
        groups: [{ name: 'g', kind: 'warp-drive', count: 1 }],
      },
    });
    const problem = expectProblem(answer, 400);
    expect(JSON.stringify(problem.errors)).toContain('spec.groups[0].kind');
  });

  it('answers unreadable JSON and unknown routes with problem+json', async () => {
    expect(
      expectProblem(await finance.request('POST', '/v1/compositions', '{"spec": '), 400).code,
    ).toBe('INVALID_JSON');
    expectProblem(await finance.get('/v1/no-such-thing'), 404);
  });
});

describe('audit', () => {
  it('answers who did what, when, per tenant', async () => {
    const audit = await eventually(
      () => plane.admin.get('/v1/audit?tenant=finance'),
      (read) => (read.body as { items: unknown[] }).items.length >= 3,
    );
    const items = (audit.body as { items: { actor: string; action: string; outcome: number }[] })
      .items;
    expect(items).toContainEqual(
      expect.objectContaining({ action: 'POST /v1/compositions', outcome: 202 }),
    );
    expect(items.every((item) => item.actor.startsWith('token:'))).toBe(true);
    const research = await plane.clientWith('operator:research');
    expectProblem(await research.get('/v1/audit?tenant=finance'), 403);
  });
});
