import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type ChildExit } from '../process/index.js';

/** What waiting for the server found. A closed union: the caller switches over `state`. */
export type Readiness =
  | { readonly state: 'ready' }
  | { readonly state: 'exited'; readonly exit: ChildExit }
  | { readonly state: 'timed-out'; readonly lastError: unknown };

/**
 * Retries a connection (and `SELECT 1`) as user postgres until it succeeds, the server process
 * exits, or `timeoutMs` passes, whichever comes first. Watching the process means a server that
 * dies at start-up is reported at once instead of after the whole deadline.
 */
export async function waitUntilAcceptingConnections(
  port: number,
  exited: Promise<ChildExit>,
  timeoutMs: number,
): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  const exitedState = exited.then((exit) => ({ state: 'exited', exit }) as const);
  let lastError: unknown;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { state: 'timed-out', lastError };
    const attempt = await Promise.race([
      connectOnce(port, Math.min(remaining, 5_000)).then(
        () => ({ state: 'ready' }) as const,
        (error: unknown) => ({ state: 'failed', error }) as const,
      ),
      exitedState,
    ]);
    if (attempt.state !== 'failed') return attempt;
    lastError = attempt.error;
    const paused = await Promise.race([sleep(100, 'paused' as const), exitedState]);
    if (paused !== 'paused') return paused;
  }
}

async function connectOnce(port: number, timeoutMs: number): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: timeoutMs,
  });
  // A failed connection still emits 'error' on the client later in some cases; it is handled here.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}
