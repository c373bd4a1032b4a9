import { afterAll, beforeAll, describe, it } from 'vitest';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';
import { followLeaseThroughItsWindow } from './test-support/lease-window.js';

let plane: ControlPlane;

beforeAll(async () => {
  plane = await startControlPlane('e2e-lease-life');
});

afterAll(async () => {
  await plane.close();
});

describe('a lease through its window', () => {
  it('composes at the start, warns before the end, and decomposes at the end', async () => {
    await followLeaseThroughItsWindow(plane.baseUrl, await plane.clientWith('operator:finance'));
  }, 120_000);
});
