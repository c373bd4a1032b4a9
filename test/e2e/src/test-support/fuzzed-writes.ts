import fc from 'fast-check';
import { expect } from 'vitest';
import type { ApiClient } from './api-client.js';

interface WriteOperation {
  readonly method: string;
  readonly path: string;
}

/** Every POST, PUT and PATCH operation of the OpenAPI document the gateway serves. */
async function writeOperations(baseUrl: string): Promise<WriteOperation[]> {
  const document = await fetch(`${baseUrl}/openapi.json`).then(
    (response) => response.json() as Promise<{ paths: Record<string, Record<string, unknown>> }>,
  );
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .map((method) => method.toUpperCase())
      .filter((method) => ['POST', 'PUT', 'PATCH'].includes(method))
      .map((method) => ({ method, path })),
  );
}

/** What the platform holds: none of it may change when every request was refused. */
async function stored(admin: ApiClient): Promise<Record<string, number>> {
  const count = async (path: string) => {
    const answer = await admin.get(path);
    expect(answer.status, path).toBe(200);
    return (answer.body as { items: unknown[] }).items.length;
  };
  return {
    compositions: await count('/v1/compositions?pageSize=1000'),
    leases: await count('/v1/leases?pageSize=1000'),
    templates: await count('/v1/templates'),
    tokens: await count('/v1/tokens'),
    quotas: await count('/v1/quotas'),
    cordoned: await count('/v1/devices?lifecycle=cordoned&pageSize=1000'),
    devices: await count('/v1/devices?pageSize=1000'),
  };
}

/** Bodies of every shape: any JSON, objects of anything, and anything under the usual keys. */
const bodies = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
  fc.record(
    {
      spec: fc.jsonValue({ maxDepth: 4 }),
      group: fc.jsonValue({ maxDepth: 3 }),
      name: fc.jsonValue({ maxDepth: 1 }),
      tenant: fc.jsonValue({ maxDepth: 1 }),
      grants: fc.jsonValue({ maxDepth: 2 }),
      count: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
);

/**
 * Sends `runs` generated bodies (fixed seed) as an admin to every write operation of the OpenAPI
 * document, with path parameters that name nothing that exists, so that no valid command can
 * follow: each must be answered 4xx problem+json, and afterwards nothing stored has changed.
 */
export async function fuzzEveryWriteOperation(
  baseUrl: string,
  admin: ApiClient,
  runs: number,
): Promise<void> {
  const writes = await writeOperations(baseUrl);
  expect(writes.length).toBeGreaterThan(20);
  const before = await stored(admin);
  const answered = new Set<string>();
  for (const operation of writes) {
    const path = operation.path.replace(/\{[^}]+\}/g, 'fuzz-probe');
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const answer = await admin.request(operation.method, path, JSON.stringify(body));
        const what = `${operation.method} ${path} ${JSON.stringify(body)}`;
        answered.add(`${operation.method} ${operation.path}`);
        expect(answer.status, what).toBeGreaterThanOrEqual(400);
        expect(answer.status, what).toBeLessThan(500);
        expect(answer.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: runs, seed: 20261123 },
    );
  }
  expect(answered.size).toBe(writes.length);
  expect(await stored(admin)).toEqual(before);
}
