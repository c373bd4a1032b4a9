import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, eventually } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly queryParameters: readonly string[];
}

let plane: ControlPlane;
let operations: Operation[];
let financeCompositionId: string;
let financeLeaseId: string;

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** Dry runs a viewer may send as POST: they change nothing. */
const readOnlyPosts = new Set(['/v1/compositions/preview', '/v1/capacity']);

beforeAll(async () => {
  plane = await startControlPlane('e2e-guarded');
  const document = await fetch(`${plane.baseUrl}/openapi.json`).then(
    (response) =>
      response.json() as Promise<{
        paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
      }>,
  );
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      queryParameters: (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name),
    })),
  );
  const finance = await plane.clientWith('operator:finance');
  const created = await finance.post('/v1/compositions', {
    spec: {
      name: 'guarded',
      tenant: 'finance',
      hostSelector: {},
      groups: [{ name: 'g', kind: 'gpu', count: 1 }],
    },
  });
  financeCompositionId = (created.body as { id: string }).id;
  const lease = await finance.post('/v1/leases', {
    tenant: 'finance',
    name: 'guarded-lease',
    spec: { hostSelector: {}, groups: [{ name: 'g', kind: 'gpu', count: 1 }] },
    count: 1,
    start: hoursFromNow(500),
    end: hoursFromNow(510),
  });
  expect(lease.status).toBe(201);
  financeLeaseId = (lease.body as { id: string }).id;
  await eventually(
    () => finance.get(`/v1/compositions/${financeCompositionId}`),
    (read) => read.status === 200,
  );
});

afterAll(async () => {
  await plane.close();
});

/** A finance resource's id for paths of tenant-owned resources; undefined for the others. */
function financeIdFor(path: string): string | undefined {
  if (path.startsWith('/v1/compositions/{')) return financeCompositionId;
  if (path.startsWith('/v1/leases/{')) return financeLeaseId;
  return undefined;
}

/** The operation's path with every parameter filled: a finance resource's id where there is one. */
function concrete(operation: Operation): string {
  return operation.path.replace(/\{[^}]+\}/g, () => financeIdFor(operation.path) ?? 'probe-id');
}

/** Valid bodies, so that a tenant check is reached after validation; others send `{}`. */
const sampleBodies: Readonly<Record<string, unknown>> = {
  'POST /v1/compositions/{id}/expand': { group: { name: 'more', kind: 'gpu', count: 1 } },
  'POST /v1/compositions/{id}/shrink': { deviceIds: ['probe-device'] },
};

function call(client: ApiClient, operation: Operation, query = ''): Promise<{ status: number }> {
  const writes = ['POST', 'PUT', 'PATCH'].includes(operation.method);
  const body = writes ? (sampleBodies[`${operation.method} ${operation.path}`] ?? {}) : undefined;
  return client.request(operation.method, `${concrete(operation)}${query}`, body);
}

/** The events stream ends at once with `follow=false`; other operations take no such parameter. */
function endingQuery(operation: Operation, query: string): string {
  if (operation.path !== '/v1/events') return query;
  return query === '' ? '?follow=false' : `${query}&follow=false`;
}

describe('every operation of the OpenAPI document is guarded', () => {
  it('describes the API it serves', () => {
    expect(operations.length).toBeGreaterThan(10);
    expect(operations).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/v1/compositions' }),
    );
  });

  it('answers 401 to a call without a token', async () => {
    const anonymous = apiClient(plane.baseUrl, undefined);
    const open: string[] = [];
    for (const operation of operations) {
      const answer = await call(
        anonymous,
        operation,
        operation.path === '/v1/events' ? '?follow=false' : '',
      );
      if (answer.status !== 401)
        open.push(`${operation.method} ${operation.path}: ${answer.status}`);
    }
    expect(open).toEqual([]);
  });

  it('answers 403 to a viewer that writes', async () => {
    const viewer = await plane.clientWith('viewer:finance');
    const allowed: string[] = [];
    for (const operation of operations.filter((op) => op.method !== 'GET')) {
      if (readOnlyPosts.has(operation.path)) continue;
      const answer = await call(viewer, operation);
      if (answer.status !== 403)
        allowed.push(`${operation.method} ${operation.path}: ${answer.status}`);
    }
    expect(allowed).toEqual([]);
  });

  it('answers 403 or 404 to another tenant, for every tenant-scoped operation', async () => {
    const research = await plane.clientWith('admin:research');
    const leaked: string[] = [];
    for (const operation of operations) {
      const onFinanceResource = financeIdFor(operation.path) !== undefined;
      const namesTenant = operation.queryParameters.includes('tenant');
      if (!onFinanceResource && !namesTenant) continue;
      const query = endingQuery(operation, namesTenant ? '?tenant=finance' : '');
      const answer = await call(research, operation, query);
      if (![403, 404].includes(answer.status)) {
        leaked.push(`${operation.method} ${operation.path}${query}: ${answer.status}`);
      }
    }
    expect(leaked).toEqual([]);
  });
});
