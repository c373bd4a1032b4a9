import { LogTailer } from '@tessera/postgres';
import type { EventFeed, FeedQuery } from '../../../application/ports/event-feed.js';
import type { FeedSignal } from '../../../infrastructure/feed/feed-signal.js';

/** The parts of Express's response a stream writes. */
export interface StreamResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  readonly writableEnded: boolean;
}

const batchSize = 200;
const keepAliveMs = 15_000;

/**
 * Serves Server-Sent Events from the feed: each event as `id: <cursor>` and `data: <json>`,
 * oldest first from `query.after`; then, when following, new events as they are appended (woken
 * by `signal`, else polled each second), with a comment line every 15 s so that proxies keep the
 * connection. Ends when the client goes away. A client resumes by sending the last id it saw as
 * `Last-Event-ID`, which browsers' EventSource does by itself.
 */
export function serveEventStream(
  feed: EventFeed,
  signal: FeedSignal,
  query: Omit<FeedQuery, 'limit'>,
  follow: boolean,
  response: StreamResponse,
): void {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  response.write('retry: 2000\n\n');
  let after = query.after;
  let closed = false;
  const pollOnce = async (): Promise<number> => {
    const entries = await feed.read({ ...query, after, limit: batchSize });
    for (const entry of entries) {
      if (closed) return 0;
      if (!response.write(`id: ${entry.cursor}\ndata: ${JSON.stringify(entry.event)}\n\n`)) {
        await new Promise<void>((resolve) => response.once('drain', resolve));
      }
      after = entry.cursor;
    }
    if (!follow && entries.length < batchSize) finish();
    return entries.length;
  };
  const tailer = new LogTailer({ pollOnce, idlePollMs: 1_000 });
  const stopListening = signal.listen(() => {
    tailer.wake();
  });
  const keepAlive = setInterval(() => {
    response.write(': keep-alive\n\n');
  }, keepAliveMs);
  function finish(): void {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    stopListening();
    void tailer.stop();
    if (!response.writableEnded) response.end();
  }
  response.once('close', finish);
  tailer.finished.catch(() => {
    finish();
  });
}
