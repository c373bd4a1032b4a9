import { now, sleep } from '../core/timing.js';

export type Outcome = 'Ready' | 'Failed';

/** Outcomes seen for compositions nobody waits for yet (the POST's answer is still on its way). */
const earlyOutcomesKept = 20_000;

/**
 * Watches compositions become Ready or Failed through the API's event stream, as a console or
 * an automation would instead of polling: one `GET /v1/events?kind=composition&tenant=…`
 * connection, its `tessera.composer.v1.Ready` and `…Failed` events matched to the compositions
 * waited for.
 */
export class ReadyWatcher {
  private readonly waiting = new Map<string, (outcome: Outcome) => void>();
  private readonly early = new Map<string, Outcome>();
  private readonly stop = new AbortController();
  private lastDataAt = now();
  private reading: Promise<void> = Promise.resolve();
  /** Events read, and why the stream ended early if it did. */
  events = 0;
  failure: string | undefined;

  /** Opens the stream (the tenant's composition events from the first) and reads it. */
  static async open(baseUrl: string, token: string, tenant: string): Promise<ReadyWatcher> {
    const watcher = new ReadyWatcher();
    const response = await fetch(
      `${baseUrl}/v1/events?kind=composition&tenant=${encodeURIComponent(tenant)}`,
      { headers: { authorization: `Bearer ${token}` }, signal: watcher.stop.signal },
    );
    if (response.status !== 200 || response.body === null) {
      throw new Error(`the event stream answered ${response.status}`);
    }
    watcher.reading = watcher.read(response.body);
    return watcher;
  }

  /** A watcher of an event stream's body already open (Server-Sent Events). */
  static of(body: ReadableStream<Uint8Array>): ReadyWatcher {
    const watcher = new ReadyWatcher();
    watcher.reading = watcher.read(body);
    return watcher;
  }

  /**
   * Resolves once the stream has sent nothing for `quietMs` (it has sent the history it had),
   * or after `timeoutMs` anyway.
   */
  async caughtUp(quietMs: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const deadline = now() + timeoutMs;
    while (now() - this.lastDataAt < quietMs && now() < deadline && !signal.aborted) {
      await sleep(quietMs / 4, signal);
    }
  }

  /** The composition's outcome as the stream tells it; undefined after `timeoutMs`. */
  until(id: string, timeoutMs: number, signal: AbortSignal): Promise<Outcome | undefined> {
    const seen = this.early.get(id);
    if (seen !== undefined) {
      this.early.delete(id);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => {
      const done = (outcome: Outcome | undefined): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(id);
        resolve(outcome);
      };
      const onAbort = (): void => {
        done(undefined);
      };
      const timer = setTimeout(onAbort, timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(id, done);
    });
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.reading;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let pending = '';
    try {
      for await (const chunk of body) {
        this.lastDataAt = now();
        pending += decoder.decode(chunk, { stream: true });
        const messages = pending.split('\n\n');
        pending = messages.pop() ?? '';
        for (const message of messages) this.handle(message);
      }
    } catch (error) {
      if (!this.stop.signal.aborted) this.failure = String(error);
    }
  }

  private handle(message: string): void {
    const data = message.split('\n').find((line) => line.startsWith('data: '));
    if (data === undefined) return;
    this.events += 1;
    const event = JSON.parse(data.slice('data: '.length)) as { type: string; streamId: string };
    const outcome = outcomeOf(event.type);
    if (outcome === undefined || !event.streamId.startsWith('composition-')) return;
    const id = event.streamId.slice('composition-'.length);
    const waiter = this.waiting.get(id);
    if (waiter !== undefined) {
      waiter(outcome);
      return;
    }
    this.early.set(id, outcome);
    if (this.early.size > earlyOutcomesKept) {
      const oldest = this.early.keys().next();
      if (oldest.done !== true) this.early.delete(oldest.value);
    }
  }
}

function outcomeOf(type: string): Outcome | undefined {
  if (type === 'tessera.composer.v1.Ready') return 'Ready';
  if (type === 'tessera.composer.v1.Failed') return 'Failed';
  return undefined;
}
