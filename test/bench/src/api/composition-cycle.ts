import { LatencyRecorder } from '../core/latency-recorder.js';
import { now, sleep } from '../core/timing.js';
import type { ReadyWatcher } from './ready-watcher.js';
import type { RestClient } from './rest-client.js';

/** The README's server without a name or tenant: any host, 2 GPUs and 4 NVMe drives. */
export const benchServerShape = {
  hostSelector: {},
  groups: [
    { name: 'gpus', kind: 'gpu', count: 2 },
    { name: 'disks', kind: 'nvme', count: 4 },
  ],
} as const;

/** The body of `POST /v1/compositions` for the benchmark's server. */
export function benchServer(name: string): object {
  return { spec: { name, tenant: 'bench', ...benchServerShape } };
}

export interface CycleSettings {
  readonly pollIntervalMs: number;
  readonly readyTimeoutMs: number;
  readonly signal: AbortSignal;
  /** When given, Ready is learnt from the event stream instead of by polling. */
  readonly watcher?: ReadyWatcher;
}

/** What the compositions of one phase did; each request lands in exactly one outcome. */
export class CycleMarks {
  requests = 0;
  /**
   * Not answered 202 (counted by status in the run's tally). The server may have made the
   * composition anyway (a 404 when its projection lagged): the pool is restored after a phase.
   */
  refused = 0;
  ready = 0;
  /** Reached phase Failed (e.g. nothing fits: the pool ran dry). */
  failed = 0;
  /** Still not Ready after the ready timeout, or when the run was interrupted. */
  notReadyInTime = 0;
  /** GETs of single compositions, over every accepted request. */
  polls = 0;
  /** `now()` of the last answer that showed Ready. */
  lastReadyAt: number | undefined;
  readonly requestToReadyMs = new LatencyRecorder();
  readonly createAnswerMs = new LatencyRecorder();
  readonly pollAnswerMs = new LatencyRecorder();
}

/**
 * Decomposes Ready compositions in the background, so that the pool does not run dry during a
 * phase; their DELETEs load the same server as the requests being measured.
 */
export class Decomposer {
  private readonly pending = new Set<Promise<void>>();
  readonly deleteAnswerMs = new LatencyRecorder();
  released = 0;

  constructor(private readonly client: RestClient) {}

  release(id: string): void {
    this.released += 1;
    const deleting = this.client
      .call('DELETE /v1/compositions/{id}', 'DELETE', `/v1/compositions/${encodeURIComponent(id)}`)
      .then((answer) => {
        this.deleteAnswerMs.record(answer.ms);
      })
      .finally(() => this.pending.delete(deleting));
    this.pending.add(deleting);
  }

  /** Resolves when every DELETE sent so far has its answer. */
  async answered(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/**
 * One client's composition: POST it, GET it every `pollIntervalMs` until its phase is Ready, or
 * with a watcher wait for its Ready event on the stream (request → Ready runs from just before
 * the POST to the answer or event that shows Ready), then hand it to the decomposer (one that is
 * not Ready in time too; a Failed one holds nothing).
 */
export async function composeUntilReady(
  client: RestClient,
  marks: CycleMarks,
  decomposer: Decomposer,
  settings: CycleSettings,
): Promise<void> {
  const asked = now();
  marks.requests += 1;
  const created = await client.call(
    'POST /v1/compositions',
    'POST',
    '/v1/compositions',
    benchServer('bench-server'),
  );
  marks.createAnswerMs.record(created.ms);
  const id = created.status === 202 ? stringField(created.body, 'id') : undefined;
  if (id === undefined) {
    marks.refused += 1;
    return;
  }
  const path = `/v1/compositions/${encodeURIComponent(id)}`;
  let phase = phaseOf(created.body);
  if (settings.watcher !== undefined && phase !== 'Ready' && phase !== 'Failed') {
    const remainingMs = settings.readyTimeoutMs - (now() - asked);
    phase = await settings.watcher.until(id, remainingMs, settings.signal);
    if (phase === undefined) {
      marks.notReadyInTime += 1;
      decomposer.release(id);
      return;
    }
  }
  while (phase !== 'Ready' && phase !== 'Failed') {
    if (settings.signal.aborted || now() - asked > settings.readyTimeoutMs) {
      marks.notReadyInTime += 1;
      decomposer.release(id);
      return;
    }
    await sleep(settings.pollIntervalMs, settings.signal);
    const read = await client.call('GET /v1/compositions/{id}', 'GET', path);
    marks.polls += 1;
    marks.pollAnswerMs.record(read.ms);
    if (read.status === 200) phase = phaseOf(read.body);
  }
  if (phase === 'Failed') {
    marks.failed += 1;
    return;
  }
  const readyAt = now();
  marks.ready += 1;
  marks.requestToReadyMs.record(readyAt - asked);
  marks.lastReadyAt = Math.max(marks.lastReadyAt ?? readyAt, readyAt);
  decomposer.release(id);
}

function phaseOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const status = (body as { status?: unknown }).status;
  return stringField(status, 'phase');
}

function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}
