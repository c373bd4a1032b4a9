import { expect } from 'vitest';
import { type ApiClient, apiClient, eventually } from './api-client.js';

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly queryParameters: readonly string[];
}

/** What the walk needs of a running control plane. */
export interface GuardedApi {
  readonly baseUrl: string;
  /** A client holding a new API token with these grants. */
  clientWith(...grants: string[]): Promise<ApiClient>;
}

/** Each list names the operations that answered otherwise than they must, with the status. */
export interface GuardWalk {
  readonly operations: readonly Operation[];
  /** Must be 401 without a token. */
  readonly openWithoutToken: readonly string[];
  /** Must be 403 for a viewer that writes (dry runs excepted). */
  readonly writableByViewer: readonly string[];
  /** Must be 403 or 404 for another tenant's admin, on finance's resources and lists. */
  readonly leakedToOtherTenant: readonly string[];
}

/** Dry runs a viewer may send as POST: they change nothing. */
const readOnlyPosts = new Set(['/v1/compositions/preview', '/v1/capacity']);

/** Valid bodies, so that a tenant check is reached after validation; others send `{}`. */
const sampleBodies: Readonly<Record<string, unknown>> = {
  'POST /v1/compositions/{id}/expand': { group: { name: 'more', kind: 'gpu', count: 1 } },
  'POST /v1/compositions/{id}/shrink': { deviceIds: ['probe-device'] },
};

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * Walks every operation of the OpenAPI document the gateway serves: without a token, as a
 * viewer writing, and as another tenant's admin on a composition and a lease of tenant finance
 * (made first) and on every list that names a tenant.
 */
export async function walkGuards(api: GuardedApi): Promise<GuardWalk> {
  const operations = await operationsOf(api.baseUrl);
  const finance = await api.clientWith('operator:finance');
  const resources = await financeResources(finance);
  const call = (client: ApiClient, operation: Operation, query = '') => {
    const writes = ['POST', 'PUT', 'PATCH'].includes(operation.method);
    const body = writes ? (sampleBodies[`${operation.method} ${operation.path}`] ?? {}) : undefined;
    const path = operation.path.replace(
      /\{[^}]+\}/g,
      () => resources.idFor(operation.path) ?? 'probe-id',
    );
    return client.request(operation.method, `${path}${query}`, body);
  };
  const answersOtherThan = async (
    client: ApiClient,
    chosen: readonly Operation[],
    expected: readonly number[],
    queryOf: (operation: Operation) => string,
  ): Promise<string[]> => {
    const wrong: string[] = [];
    for (const operation of chosen) {
      const query = queryOf(operation);
      const { status } = await call(client, operation, query);
      if (!expected.includes(status)) {
        wrong.push(`${operation.method} ${operation.path}${query}: ${status}`);
      }
    }
    return wrong;
  };
  const tenantScoped = operations.filter(
    (operation) =>
      resources.idFor(operation.path) !== undefined || operation.queryParameters.includes('tenant'),
  );
  return {
    operations,
    openWithoutToken: await answersOtherThan(
      apiClient(api.baseUrl, undefined),
      operations,
      [401],
      (operation) => endingQuery(operation, ''),
    ),
    writableByViewer: await answersOtherThan(
      await api.clientWith('viewer:finance'),
      operations.filter((op) => op.method !== 'GET' && !readOnlyPosts.has(op.path)),
      [403],
      () => '',
    ),
    leakedToOtherTenant: await answersOtherThan(
      await api.clientWith('admin:research'),
      tenantScoped,
      [403, 404],
      (operation) =>
        endingQuery(
          operation,
          operation.queryParameters.includes('tenant') ? '?tenant=finance' : '',
        ),
    ),
  };
}

async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const document = await fetch(`${baseUrl}/openapi.json`).then(
    (response) =>
      response.json() as Promise<{
        paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
      }>,
  );
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      queryParameters: (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name),
    })),
  );
}

/** A composition and a lease of tenant finance, for the paths of tenant-owned resources. */
async function financeResources(
  finance: ApiClient,
): Promise<{ idFor(path: string): string | undefined }> {
  const created = await finance.post('/v1/compositions', {
    spec: {
      name: 'guarded',
      tenant: 'finance',
      hostSelector: {},
      groups: [{ name: 'g', kind: 'gpu', count: 1 }],
    },
  });
  expect(created.status).toBe(202);
  const compositionId = (created.body as { id: string }).id;
  const lease = await finance.post('/v1/leases', {
    tenant: 'finance',
    name: `guarded-lease-${String(Date.now())}`,
    spec: { hostSelector: {}, groups: [{ name: 'g', kind: 'gpu', count: 1 }] },
    count: 1,
    start: hoursFromNow(500),
    end: hoursFromNow(510),
  });
  expect(lease.status).toBe(201);
  const leaseId = (lease.body as { id: string }).id;
  await eventually(
    () => finance.get(`/v1/compositions/${compositionId}`),
    (read) => read.status === 200,
  );
  return {
    idFor: (path) => {
      if (path.startsWith('/v1/compositions/{')) return compositionId;
      if (path.startsWith('/v1/leases/{')) return leaseId;
      return undefined;
    },
  };
}

/** The events stream ends at once with `follow=false`; other operations take no such parameter. */
function endingQuery(operation: Operation, query: string): string {
  if (operation.path !== '/v1/events') return query;
  return query === '' ? '?follow=false' : `${query}&follow=false`;
}
