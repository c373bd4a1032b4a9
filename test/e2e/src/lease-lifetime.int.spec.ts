import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, eventually } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface Lease {
  id: string;
  status: { phase: string; compositionIds: string[]; endingSoonWarned: boolean };
}

let plane: ControlPlane;
let finance: ApiClient;

beforeAll(async () => {
  plane = await startControlPlane('e2e-lease-life');
  finance = await plane.clientWith('operator:finance');
});

afterAll(async () => {
  await plane.close();
});

/** A whole second `seconds` from now: the composer keeps lease times to the second. */
const secondsFromNow = (seconds: number) =>
  new Date(Math.ceil((Date.now() + seconds * 1_000) / 1_000) * 1_000).toISOString();

describe('a lease through its window', () => {
  it('composes at the start, warns before the end, and decomposes at the end', async () => {
    const created = await finance.post('/v1/leases', {
      tenant: 'finance',
      name: 'short-window',
      count: 2,
      start: secondsFromNow(4),
      end: secondsFromNow(16),
      spec: { hostSelector: {}, groups: [{ name: 'gpus', kind: 'gpu', count: 1 }] },
    });
    expect(created.status).toBe(201);
    const { id } = created.body as Lease;
    const read = () => finance.get(`/v1/leases/${id}`).then((answer) => answer.body as Lease);

    const started = await eventually(read, (lease) => lease.status.phase === 'Started', 30_000);
    expect(started.status.compositionIds).toHaveLength(2);
    // The window is shorter than the warning lead, so the warning goes out at once.
    expect(
      (await eventually(read, (lease) => lease.status.endingSoonWarned, 30_000)).status,
    ).toMatchObject({ endingSoonWarned: true });
    const [first] = started.status.compositionIds;
    await eventually(
      () => finance.get(`/v1/compositions/${first ?? ''}`),
      (answer) => (answer.body as { status: { phase: string } }).status.phase === 'Ready',
      30_000,
    );

    const ended = await eventually(read, (lease) => lease.status.phase === 'Ended', 40_000);
    for (const compositionId of ended.status.compositionIds) {
      await eventually(
        () => finance.get(`/v1/compositions/${compositionId}`),
        (answer) => (answer.body as { status: { phase: string } }).status.phase === 'Decomposed',
        30_000,
      );
    }

    const response = await fetch(
      `${plane.baseUrl}/v1/events?kind=lease&tenant=finance&follow=false`,
      { headers: { authorization: `Bearer ${finance.token ?? ''}` } },
    );
    const types = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { type: string; streamId: string })
      .filter((event) => event.streamId === `lease-${id}`)
      .map((event) => event.type.slice(event.type.lastIndexOf('.') + 1));
    // Every step of the lease reached the tenant's stream, in the lease's order.
    const at = (pattern: RegExp) => types.findIndex((type) => pattern.test(type));
    expect(at(/Requested/), types.join(' ')).toBeGreaterThanOrEqual(0);
    expect(at(/Started/), types.join(' ')).toBeGreaterThan(at(/Requested/));
    expect(types.some((type) => /Warn|EndingSoon/.test(type))).toBe(true);
    expect(types[types.length - 1]).toMatch(/Ended/);
  }, 120_000);
});
