import { randomUUID } from 'node:crypto';
import type { CompositionSpec } from '@tessera/composer-domain';
import { requestComposition } from '@tessera/composer';
import { latenciesBetween, perSecond } from '../core/latency-recorder.js';
import { dueOffsetMs, plannedEvents } from '../core/pacing.js';
import type { LatencySummary } from '../core/percentiles.js';
import { now, sleep, waitUntil } from '../core/timing.js';
import type { ComposerRuntime } from './composer-runtime.js';

/** A server as the README's tour composes it: any host, 2 GPUs and 4 NVMe drives. */
export const benchServer = (tenant: string): CompositionSpec => ({
  name: 'bench-server',
  tenant,
  host: { selector: {} },
  groups: [
    { name: 'gpus', kind: 'gpu', count: 2 },
    { name: 'drives', kind: 'nvme', count: 4 },
  ],
});

export interface EndToEndReport {
  readonly requests: number;
  readonly scheduled: number;
  readonly failed: number;
  readonly ready: number;
  /** Ready compositions per second, from the first request to the last Ready. */
  readonly compositionsPerSecond: number;
  readonly requestToReadyMs: LatencySummary;
  readonly notReadyInTime: number;
}

interface RunMarks {
  readonly startedAt: Map<string, number>;
  failed: number;
  requests: number;
}

/** One request: scheduled in the ledger with its attach intents; marks when it was asked. */
async function composeOne(runtime: ComposerRuntime, marks: RunMarks): Promise<void> {
  const asked = now();
  marks.requests += 1;
  const context = { correlationId: randomUUID(), actor: 'bench' };
  const outcome = await requestComposition(
    runtime.deps,
    { spec: benchServer('bench'), idempotencyKey: randomUUID(), requestedBy: 'bench' },
    context,
  );
  if (outcome.status !== 'attaching') {
    marks.failed += 1;
    return;
  }
  marks.startedAt.set(outcome.compositionId, asked);
}

/** Requests at `ratePerSecond` for `durationMs` (open loop), then waits for them to be ready. */
export async function runPaced(
  runtime: ComposerRuntime,
  ratePerSecond: number,
  durationMs: number,
  settleTimeoutMs: number,
  signal: AbortSignal,
): Promise<EndToEndReport> {
  const marks: RunMarks = { startedAt: new Map(), failed: 0, requests: 0 };
  const total = plannedEvents(ratePerSecond, durationMs);
  const start = now();
  const inFlight: Promise<void>[] = [];
  for (let at = 0; at < total && !signal.aborted; at += 1) {
    await sleep(start + dueOffsetMs(at, ratePerSecond) - now(), signal);
    inFlight.push(composeOne(runtime, marks));
  }
  await Promise.all(inFlight);
  return settle(runtime, marks, start, settleTimeoutMs, signal);
}

/** `lanes` closed loops requesting as fast as the composer answers, for `durationMs`. */
export async function runBurst(
  runtime: ComposerRuntime,
  lanes: number,
  durationMs: number,
  settleTimeoutMs: number,
  signal: AbortSignal,
): Promise<EndToEndReport> {
  const marks: RunMarks = { startedAt: new Map(), failed: 0, requests: 0 };
  const start = now();
  const until = start + durationMs;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (now() < until && !signal.aborted) await composeOne(runtime, marks);
    }),
  );
  return settle(runtime, marks, start, settleTimeoutMs, signal);
}

async function settle(
  runtime: ComposerRuntime,
  marks: RunMarks,
  start: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<EndToEndReport> {
  await waitUntil(() => [...marks.startedAt.keys()].every((id) => runtime.readyAt.has(id)), {
    timeoutMs,
    intervalMs: 50,
    signal,
  });
  const ids = [...marks.startedAt.keys()];
  const { summary, missing } = latenciesBetween(ids, marks.startedAt, runtime.readyAt);
  let lastReady = start;
  for (const id of ids) lastReady = Math.max(lastReady, runtime.readyAt.get(id) ?? start);
  const ready = ids.length - missing;
  return {
    requests: marks.requests,
    scheduled: ids.length,
    failed: marks.failed,
    ready,
    compositionsPerSecond: perSecond(ready, lastReady - start),
    requestToReadyMs: summary,
    notReadyInTime: missing,
  };
}
