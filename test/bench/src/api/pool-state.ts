import { round } from '../core/percentiles.js';
import { now, waitUntil } from '../core/timing.js';
import { benchServerShape } from './composition-cycle.js';
import type { RestClient } from './rest-client.js';

/** How many of the benchmark's servers fit at once now (`POST /v1/capacity`); undefined if unanswered. */
export async function serversThatFit(
  client: RestClient,
  limit: number,
): Promise<number | undefined> {
  const start = new Date();
  const answer = await client.call('POST /v1/capacity', 'POST', '/v1/capacity', {
    spec: { name: 'capacity', tenant: 'bench', ...benchServerShape },
    wanted: 1,
    limit,
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  if (answer.status !== 200 || typeof answer.body !== 'object' || answer.body === null) {
    return undefined;
  }
  const fits = (answer.body as { fits?: unknown }).fits;
  return typeof fits === 'number' ? fits : undefined;
}

/** The most a capacity question counts (the API's bound). */
const countUpTo = 1_000;

/**
 * Waits until at least `minimum` servers fit at once: the demo lab is imported when the
 * standalone process starts, but the composer learns it from the inventory's events after.
 */
export async function waitForCapacity(
  client: RestClient,
  minimum: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ readonly fits: number | undefined; readonly waitedSeconds: number }> {
  const started = now();
  let fits: number | undefined;
  await waitUntil(
    async () => {
      fits = await serversThatFit(client, countUpTo);
      return fits !== undefined && fits >= minimum;
    },
    { timeoutMs, intervalMs: 500, signal },
  );
  return { fits, waitedSeconds: round((now() - started) / 1_000, 1) };
}

/** What it took to give the pool back after a phase. */
export interface PoolRestored {
  /** Ready compositions the client never learned of (a POST that created one but answered an error). */
  readonly leftoversDecomposed: number;
  /** Every composition settled and none Decomposing when the wait ended. */
  readonly drained: boolean;
  readonly waitedSeconds: number;
}

const inFlightPhases = ['Requested', 'Scheduled', 'Attaching', 'Decomposing'] as const;

/**
 * Decomposes what a phase left composed and waits until no composition is on its way (Requested,
 * Scheduled, Attaching) or Decomposing, so that the next phase starts on the whole pool.
 */
export async function restorePool(
  client: RestClient,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PoolRestored> {
  const started = now();
  let leftoversDecomposed = 0;
  const drained = await waitUntil(
    async () => {
      const ready = await compositionIds(client, 'Ready', 100);
      if (ready === undefined) return false;
      for (const id of ready) {
        await client.call(
          'DELETE /v1/compositions/{id}',
          'DELETE',
          `/v1/compositions/${encodeURIComponent(id)}`,
        );
      }
      leftoversDecomposed += ready.length;
      if (ready.length > 0) return false;
      for (const phase of inFlightPhases) {
        const ids = await compositionIds(client, phase, 1);
        if (ids === undefined || ids.length > 0) return false;
      }
      return true;
    },
    { timeoutMs, intervalMs: 100, signal },
  );
  return { leftoversDecomposed, drained, waitedSeconds: round((now() - started) / 1_000, 1) };
}

/** The ids on the first page of compositions in `phase`; undefined when the list is not answered. */
async function compositionIds(
  client: RestClient,
  phase: string,
  pageSize: number,
): Promise<string[] | undefined> {
  const answer = await client.call(
    `GET /v1/compositions?phase=${phase}`,
    'GET',
    `/v1/compositions?phase=${phase}&pageSize=${pageSize}`,
  );
  const items = (answer.body as { items?: unknown } | undefined)?.items;
  if (answer.status !== 200 || !Array.isArray(items)) return undefined;
  return items.flatMap((item: unknown) => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}
