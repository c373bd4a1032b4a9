import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';
import { type GuardWalk, walkGuards } from './test-support/guard-walk.js';

let plane: ControlPlane;
let walk: GuardWalk;

beforeAll(async () => {
  plane = await startControlPlane('e2e-guarded');
  walk = await walkGuards(plane);
});

afterAll(async () => {
  await plane.close();
});

describe('every operation of the OpenAPI document is guarded', () => {
  it('describes the API it serves', () => {
    expect(walk.operations.length).toBeGreaterThan(10);
    expect(walk.operations).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/v1/compositions' }),
    );
  });

  it('answers 401 to a call without a token', () => {
    expect(walk.openWithoutToken).toEqual([]);
  });

  it('answers 403 to a viewer that writes', () => {
    expect(walk.writableByViewer).toEqual([]);
  });

  it('answers 403 or 404 to another tenant, for every tenant-scoped operation', () => {
    expect(walk.leakedToOtherTenant).toEqual([]);
  });
});
