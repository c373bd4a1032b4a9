import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, type ApiClient, eventually } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface Item {
  id: string;
  kind: string;
  labels: Record<string, string>;
  spec: { kind?: string };
  status: { phase: string; schedulable: boolean; cordonReason?: string };
  source: { kind: string; id: string };
  version: number;
}

interface Page {
  items: Item[];
  nextPageToken?: string;
}

interface Route {
  hostId: string;
  deviceId: string;
  fabricId: string;
  hops: number;
}

let plane: ControlPlane;
let platformOperator: ApiClient;
let gpuId: string;

beforeAll(async () => {
  plane = await startControlPlane('e2e-inventory');
  platformOperator = await plane.clientWith('operator:*');
  const gpus = await plane.admin.get('/v1/devices?kind=gpu&pageSize=1');
  const [gpu] = (gpus.body as Page).items;
  if (gpu === undefined) throw new Error('the demo lab has no GPU');
  gpuId = gpu.id;
});

afterAll(async () => {
  await plane.close();
});

function expectProblem(answer: ApiAnswer, status: number): Record<string, unknown> {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return answer.body as Record<string, unknown>;
}

const devicePath = (id: string) => `/v1/devices/${encodeURIComponent(id)}`;

describe('reading hardware', () => {
  it('lists GPUs page by page: pages do not overlap and the last has no next token', async () => {
    const viewer = await plane.clientWith('viewer:finance');
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const query = `kind=gpu&pageSize=5${token === undefined ? '' : `&pageToken=${encodeURIComponent(token)}`}`;
      const answer = await viewer.get(`/v1/devices?${query}`);
      expect(answer.status).toBe(200);
      const page = answer.body as Page;
      expect(new Set(page.items.map((item) => item.spec.kind))).toEqual(new Set(['gpu']));
      seen.push(...page.items.map((item) => item.id));
      token = page.nextPageToken;
    } while (token !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await viewer.get('/v1/devices?kind=gpu&pageSize=1000')).body as Page;
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(seen.length).toBeGreaterThan(5);
  });

  it('combines criteria with a free filter expression', async () => {
    const answer = await plane.admin.get(
      `/v1/devices?kind=gpu,nvme&filter=${encodeURIComponent('memoryGiB>=80')}&pageSize=1000`,
    );
    expect(answer.status).toBe(200);
    const kinds = new Set((answer.body as Page).items.map((item) => item.spec.kind));
    expect([...kinds]).toEqual(['gpu']);
  });

  it('answers one device with its version as ETag', async () => {
    const answer = await plane.admin.get(devicePath(gpuId));
    expect(answer.status).toBe(200);
    const device = answer.body as Item;
    expect(device).toMatchObject({ id: gpuId, kind: 'device', spec: { kind: 'gpu' } });
    expect(device.source).toEqual({ kind: 'manifest', id: 'demo-lab' });
    expect(answer.headers.get('etag')).toBe(`"${device.version}"`);
  });

  it('refuses an unknown kind naming the parameter, and a bad filter clause as `filter`', async () => {
    const badKind = expectProblem(await plane.admin.get('/v1/devices?kind=gpus'), 400);
    expect(badKind.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    const badFilter = expectProblem(await plane.admin.get('/v1/devices?filter=oops'), 400);
    expect(badFilter.errors).toEqual([expect.objectContaining({ field: 'filter' })]);
  });

  it('answers an unknown device with 404', async () => {
    expectProblem(await plane.admin.get(devicePath('no-such-device')), 404);
  });

  it('answers reachability both ways', async () => {
    const hosts = (await plane.admin.get('/v1/hosts?pageSize=1')).body as Page;
    const hostId = hosts.items[0]?.id ?? '';
    const reachable = await plane.admin.get(`/v1/hosts/${hostId}/reachable-devices`);
    expect(reachable.status).toBe(200);
    const routes = (reachable.body as { items: Route[] }).items;
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((route) => route.hostId === hostId)).toBe(true);
    const hops = routes.map((route) => route.hops);
    expect(hops).toEqual([...hops].sort((a, b) => a - b));
    const pooled = routes.find((route) => route.fabricId !== 'local') ?? routes[0];
    const reaching = await plane.admin.get(`${devicePath(pooled?.deviceId ?? '')}/reaching-hosts`);
    expect((reaching.body as { items: Route[] }).items.map((route) => route.hostId)).toContain(
      hostId,
    );
    expectProblem(await plane.admin.get('/v1/hosts/no-such-host/reachable-devices'), 404);
  });
});

describe('changing hardware', () => {
  it('lets a platform operator cordon and uncordon a device, shown in its status', async () => {
    const before = (await platformOperator.get(devicePath(gpuId))).body as Item;
    const cordon = (version: number) =>
      platformOperator.post(
        `${devicePath(gpuId)}/cordon`,
        { reason: 'RMA 4711' },
        {
          'if-match': `"${version}"`,
        },
      );
    expect(expectProblem(await cordon(before.version - 1), 412).code).toBe('VERSION_MISMATCH');
    const cordoned = await cordon(before.version);
    expect(cordoned.status).toBe(200);
    expect(cordoned.headers.get('etag')).toBe(`"${(cordoned.body as Item).version}"`);
    expect((cordoned.body as Item).status).toMatchObject({
      phase: 'Cordoned',
      schedulable: false,
      cordonReason: 'RMA 4711',
    });
    const listed = (await platformOperator.get('/v1/devices?lifecycle=cordoned')).body as Page;
    expect(listed.items.map((item) => item.id)).toContain(gpuId);

    const uncordoned = await platformOperator.post(`${devicePath(gpuId)}/uncordon`, {});
    expect(uncordoned.status).toBe(200);
    expect((uncordoned.body as Item).status.phase).toBe(before.status.phase);
  });

  it('sets labels and health; retiring needs admin on "*" and is final', async () => {
    const nvme = ((await plane.admin.get('/v1/devices?kind=nvme&pageSize=1')).body as Page).items;
    const path = devicePath(nvme[0]?.id ?? '');
    const labelled = await platformOperator.put(`${path}/labels`, { labels: { tier: 'gold' } });
    expect((labelled.body as Item).labels).toMatchObject({ tier: 'gold' });
    const gold = (await plane.admin.get('/v1/devices?label=tier=gold')).body as Page;
    expect(gold.items.map((item) => item.id)).toEqual([nvme[0]?.id]);
    const failed = await platformOperator.put(`${path}/health`, {
      health: 'critical',
      reason: 'SMART',
    });
    expect((failed.body as Item).status).toMatchObject({ phase: 'Failed', health: 'critical' });

    expectProblem(await platformOperator.post(`${path}/retire`, { reason: 'worn out' }), 403);
    const retired = await plane.admin.post(`${path}/retire`, { reason: 'worn out' });
    expect((retired.body as Item).status.phase).toBe('Retired');
    expectProblem(await plane.admin.post(`${path}/cordon`, { reason: 'too late' }), 409);
  });

  it('refuses tenant operators, viewers and callers without a token', async () => {
    const tenantOperator = await plane.clientWith('operator:finance');
    const viewer = await plane.clientWith('viewer:*');
    const cordon = (client: ApiClient) =>
      client.post(`${devicePath(gpuId)}/cordon`, { reason: 'not mine to cordon' });
    expect(expectProblem(await cordon(tenantOperator), 403).code).toBe('FORBIDDEN');
    expectProblem(await cordon(viewer), 403);
    const url = `${plane.baseUrl}${devicePath(gpuId)}/cordon`;
    expect((await fetch(url, { method: 'POST' })).status).toBe(401);
    const device = (await plane.admin.get(devicePath(gpuId))).body as Item;
    expect(device.status.phase).not.toBe('Cordoned');
  });
});

const yaml = { 'content-type': 'application/yaml' };
const tinyManifest = `apiVersion: tessera.inventory/v1
kind: InventoryManifest
sites: [{ id: tiny-site, name: Tiny }]
racks:
  - id: tiny-r1
    site: tiny-site
    name: Tiny rack
    hosts:
      - id: tiny-h1
        vendor: Dell
        model: R760
        serial: TINY-1
        health: ok
        devices:
          - { id: tiny-h1-gpu0, kind: gpu, vendor: NVIDIA, model: L40S, serial: TG0, memoryGiB: 48, health: ok }
`;

describe('importing a manifest', () => {
  it('imports a tiny YAML manifest as platform admin; importing it again changes nothing', async () => {
    const first = await plane.admin.post('/v1/manifests?name=tiny', tinyManifest, yaml);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ manifest: 'tiny', registered: 4, missing: 0, refused: [] });
    const again = await plane.admin.post('/v1/manifests?name=tiny', tinyManifest, yaml);
    expect(again.body).toMatchObject({ registered: 0, updated: 0, unchanged: 4 });

    const gpu = await eventually(
      () => plane.admin.get(devicePath('tiny-h1-gpu0')),
      (answer) => answer.status === 200,
    );
    expect(gpu.body).toMatchObject({ spec: { kind: 'gpu', hostId: 'tiny-h1' } });
    const routes = await plane.admin.get('/v1/hosts/tiny-h1/reachable-devices');
    expect(routes.body).toEqual({
      items: [expect.objectContaining({ deviceId: 'tiny-h1-gpu0', fabricId: 'local', hops: 0 })],
    });
  });

  it('refuses an invalid manifest naming the problem, and a platform operator', async () => {
    const invalid = await plane.admin.post('/v1/manifests?name=broken', {
      apiVersion: 'tessera.inventory/v1',
      kind: 'InventoryManifest',
      sites: [{ id: 'broken-site' }],
    });
    const problem = expectProblem(invalid, 400);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'sites[0].name' })]);
    expectProblem(await platformOperator.post('/v1/manifests?name=tiny', tinyManifest, yaml), 403);
  });
});

describe('discovery sources', () => {
  it('registers a source without echoing its credentials, syncs it, and removes it', async () => {
    const source = { id: 'bmc-gone', url: 'http://127.0.0.1:9' };
    const credentials = { username: 'root', password: 's3cret' };
    const registered = await plane.admin.post('/v1/discovery-sources', {
      ...source,
      ...credentials,
    });
    expect(registered.status).toBe(201);
    const shown = { ...source, intervalSeconds: 300, hasCredentials: true, registered: true };
    expect(registered.body).toEqual(shown);
    const synced = await platformOperator.post('/v1/discovery-sources/bmc-gone/sync');
    expect(synced.body).toMatchObject({ outcome: 'unreachable' });
    expect((synced.body as { error?: string }).error).toMatch(/\S/);
    // The sources read model follows the log: the failed sync shows a moment later.
    const listed = await eventually(
      () => platformOperator.get('/v1/discovery-sources'),
      (answer) =>
        (answer.body as { items: { answering?: boolean }[] }).items[0]?.answering === false,
    );
    expect(listed.status).toBe(200);
    const [only] = (listed.body as { items: Record<string, unknown>[] }).items;
    expect(only).toMatchObject({ ...source, hasCredentials: true, answering: false });
    expect(only?.lastError).toMatch(/\S/);
    expect(JSON.stringify(listed.body)).not.toContain(credentials.password);
    const tenantViewer = await plane.clientWith('viewer:finance');
    expectProblem(await tenantViewer.get('/v1/discovery-sources'), 403);
    const removed = await plane.admin.delete('/v1/discovery-sources/bmc-gone');
    expect(removed.body).toEqual({ id: 'bmc-gone', missing: 0 });
    expect((await platformOperator.get('/v1/discovery-sources')).body).toEqual({ items: [] });
    expectProblem(await plane.admin.post('/v1/discovery-sources/bmc-gone/sync'), 404);
  });
});
