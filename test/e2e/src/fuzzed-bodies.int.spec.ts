import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface WriteOperation {
  readonly method: string;
  readonly path: string;
}

let plane: ControlPlane;
let writes: WriteOperation[];

beforeAll(async () => {
  plane = await startControlPlane('e2e-fuzz');
  const document = await fetch(`${plane.baseUrl}/openapi.json`).then(
    (response) => response.json() as Promise<{ paths: Record<string, Record<string, unknown>> }>,
  );
  writes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .map((method) => method.toUpperCase())
      .filter((method) => ['POST', 'PUT', 'PATCH'].includes(method))
      .map((method) => ({ method, path })),
  );
});

afterAll(async () => {
  await plane.close();
});

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

describe('fuzzed request bodies', () => {
  it('are answered 4xx problem+json at every write endpoint, and store nothing', async () => {
    const before = await stored(plane.admin);
    const answered = new Map<string, number>();
    for (const operation of writes) {
      // Path parameters name nothing that exists: no valid command can follow from them.
      const path = operation.path.replace(/\{[^}]+\}/g, 'fuzz-probe');
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const answer = await plane.admin.request(operation.method, path, JSON.stringify(body));
          answered.set(`${operation.method} ${operation.path}`, answer.status);
          expect(
            answer.status,
            `${operation.method} ${path} ${JSON.stringify(body)}`,
          ).toBeGreaterThanOrEqual(400);
          expect(answer.status, `${operation.method} ${path} ${JSON.stringify(body)}`).toBeLessThan(
            500,
          );
          expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        }),
        { numRuns: 60, seed: 20261123 },
      );
    }
    expect(answered.size).toBe(writes.length);
    expect(await stored(plane.admin)).toEqual(before);
  });
});
