import { expect } from 'vitest';
import { type ApiClient, eventually } from './api-client.js';

interface Lease {
  id: string;
  status: { phase: string; compositionIds: string[]; endingSoonWarned: boolean };
}

/** A whole second `seconds` from now: the composer keeps lease times to the second. */
const secondsFromNow = (seconds: number) =>
  new Date(Math.ceil((Date.now() + seconds * 1_000) / 1_000) * 1_000).toISOString();

const phaseOf = (answer: { body: unknown }) =>
  (answer.body as { status: { phase: string } }).status.phase;

/**
 * Requests a lease of two one-GPU servers for a window opening in seconds and follows it through
 * the public API: it starts (its compositions become Ready), warns before its end, ends (its
 * compositions are decomposed), and every step reaches the tenant's event stream in order.
 * `client` must be an operator of tenant `finance`.
 */
export async function followLeaseThroughItsWindow(
  baseUrl: string,
  client: ApiClient,
): Promise<void> {
  const created = await client.post('/v1/leases', {
    tenant: 'finance',
    name: `short-window-${String(Date.now())}`,
    count: 2,
    start: secondsFromNow(4),
    end: secondsFromNow(16),
    spec: { hostSelector: {}, groups: [{ name: 'gpus', kind: 'gpu', count: 1 }] },
  });
  expect(created.status).toBe(201);
  const { id } = created.body as Lease;
  const read = () => client.get(`/v1/leases/${id}`).then((answer) => answer.body as Lease);

  const started = await eventually(read, (lease) => lease.status.phase === 'Started', 30_000);
  expect(started.status.compositionIds).toHaveLength(2);
  // The window is shorter than the warning lead, so the warning goes out at once.
  expect(
    (await eventually(read, (lease) => lease.status.endingSoonWarned, 30_000)).status,
  ).toMatchObject({ endingSoonWarned: true });
  const [first] = started.status.compositionIds;
  await eventually(
    () => client.get(`/v1/compositions/${first ?? ''}`),
    (answer) => phaseOf(answer) === 'Ready',
    30_000,
  );

  const ended = await eventually(read, (lease) => lease.status.phase === 'Ended', 40_000);
  for (const compositionId of ended.status.compositionIds) {
    await eventually(
      () => client.get(`/v1/compositions/${compositionId}`),
      (answer) => phaseOf(answer) === 'Decomposed',
      30_000,
    );
  }

  // The gateway's feed follows the services' topics: the last step may reach it a moment later.
  const types = await eventually(
    () => leaseEventTypes(baseUrl, client, id),
    (seen) => (seen[seen.length - 1] ?? '').includes('Ended'),
    20_000,
  );
  // Every step of the lease reached the tenant's stream, in the lease's order.
  const at = (pattern: RegExp) => types.findIndex((type) => pattern.test(type));
  expect(at(/Requested/), types.join(' ')).toBeGreaterThanOrEqual(0);
  expect(at(/Started/), types.join(' ')).toBeGreaterThan(at(/Requested/));
  expect(types.some((type) => /Warn|EndingSoon/.test(type))).toBe(true);
}

/** The short type names of the lease's events in the tenant's stream, in stream order. */
async function leaseEventTypes(baseUrl: string, client: ApiClient, id: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/v1/events?kind=lease&tenant=finance&follow=false`, {
    headers: { authorization: `Bearer ${client.token ?? ''}` },
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice('data: '.length)) as { type: string; streamId: string })
    .filter((event) => event.streamId === `lease-${id}`)
    .map((event) => event.type.slice(event.type.lastIndexOf('.') + 1));
}
