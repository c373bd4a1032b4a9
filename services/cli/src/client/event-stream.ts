import { ApiError, CliError } from '../errors.js';
import type { ApiClient } from './api-client.js';
import { SseParser, type SseMessage } from './sse-parser.js';

export interface FollowOptions {
  readonly path: string;
  readonly query: Readonly<Record<string, string | boolean | undefined>>;
  /** Resume after this event id. */
  readonly lastEventId: string | undefined;
  /** Keep the stream open for new events and reconnect after a drop; else read to the end. */
  readonly follow: boolean;
  /** Ends the stream (Ctrl-C, enough events). */
  readonly signal: AbortSignal;
  readonly onMessage: (message: SseMessage) => void;
  /** Reconnection notices, for stderr. */
  readonly onNotice: (text: string) => void;
  /** A connection silent this long is dead (the server sends a comment every 15 s). */
  readonly idleTimeoutMs?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultRetryMs = 2_000;
const maxRetryMs = 30_000;

/**
 * Reads a Server-Sent Events stream to its end, or until `signal` aborts. When following, a
 * dropped connection (network failure, server restart, 5xx, silence) is reopened with
 * `Last-Event-ID`, after the server's `retry:` delay doubling up to 30 s while it keeps failing.
 * The first connection's failure and any 4xx are thrown: they will not mend by retrying.
 */
export async function followEvents(client: ApiClient, options: FollowOptions): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  const parser = new SseParser(options.lastEventId);
  const stopped = () => options.signal.aborted;
  const state = { connected: false };
  let failures = 0;
  for (;;) {
    if (stopped()) return;
    try {
      const received = await readOnce(client, parser, options, state);
      if (!options.follow || stopped()) return;
      failures = received ? 0 : failures + 1;
      options.onNotice('the event stream ended; reconnecting');
    } catch (error) {
      if (stopped()) return;
      if (!state.connected || !retryable(error)) throw error;
      failures += 1;
      options.onNotice(`the event stream dropped (${messageOf(error)}); reconnecting`);
    }
    const base = parser.retryMs ?? defaultRetryMs;
    await sleep(Math.min(base * 2 ** Math.max(0, failures - 1), maxRetryMs), options.signal);
  }
}

/** One connection: answers whether any message arrived on it. */
async function readOnce(
  client: ApiClient,
  parser: SseParser,
  options: FollowOptions,
  state: { connected: boolean },
): Promise<boolean> {
  const connection = new AbortController();
  const stop = () => {
    connection.abort();
  };
  options.signal.addEventListener('abort', stop, { once: true });
  const idleMs = options.idleTimeoutMs ?? 45_000;
  let idle = setTimeout(stop, idleMs);
  const lastEventId = parser.lastEventId;
  let received = false;
  try {
    const response = await client.openStream(
      options.path,
      { ...options.query, follow: options.follow ? undefined : false },
      lastEventId === undefined ? {} : { 'last-event-id': lastEventId },
      connection.signal,
    );
    state.connected = true;
    if (response.body === null) return false;
    const decoder = new TextDecoder();
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      clearTimeout(idle);
      idle = setTimeout(stop, idleMs);
      for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
        received = true;
        options.onMessage(message);
        if (options.signal.aborted) return received;
      }
    }
    if (connection.signal.aborted && !options.signal.aborted) {
      throw new Error(`no data for ${idleMs / 1000}s`);
    }
    return received;
  } catch (error) {
    if (connection.signal.aborted && !options.signal.aborted && !(error instanceof CliError)) {
      throw new Error(`no data for ${idleMs / 1000}s`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(idle);
    options.signal.removeEventListener('abort', stop);
  }
}

function retryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.problem.status >= 500;
  return true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
