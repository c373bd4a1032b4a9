import { afterAll, beforeAll, describe, it } from 'vitest';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';
import { fuzzEveryWriteOperation } from './test-support/fuzzed-writes.js';

let plane: ControlPlane;

beforeAll(async () => {
  plane = await startControlPlane('e2e-fuzz');
});

afterAll(async () => {
  await plane.close();
});

describe('fuzzed request bodies', () => {
  it('are answered 4xx problem+json at every write endpoint, and store nothing', async () => {
    await fuzzEveryWriteOperation(plane.baseUrl, plane.admin, 60);
  });
});
