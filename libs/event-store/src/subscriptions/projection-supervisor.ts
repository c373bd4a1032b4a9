import type { Logger } from '@tessera/event-transport';
import type { EventStore } from '../event-store.js';
import type { LogSubscription } from './log-subscription.js';
import type { Projection } from './projection.js';

export interface ProjectionSupervision {
  /** Stops the projection and any pending restart. */
  stop(): Promise<void>;
}

const firstRestartDelayMs = 1_000;
const maxRestartDelayMs = 30_000;

/**
 * Keeps a projection running: when it fails (its batch rolled back whole, its checkpoint
 * unmoved) it is logged and started again after a backoff that doubles up to 30 s, so a read
 * model stalled by a bad deployment or a database outage catches up by itself once the cause is
 * gone, and never silently stops following the log.
 */
export async function superviseProjection(
  store: EventStore,
  projection: Projection,
  logger: Logger,
  options: { readonly batchSize?: number } = {},
): Promise<ProjectionSupervision> {
  const stopping = new AbortController();
  /** A call, not a property read: the flag flips while the loop awaits. */
  const isStopping = (): boolean => stopping.signal.aborted;
  let current: LogSubscription = await store.runProjection(projection, options);
  const supervising = (async () => {
    let delayMs = firstRestartDelayMs;
    while (!isStopping()) {
      try {
        await current.finished;
        return;
      } catch (error) {
        logger.error('a projection failed; restarting it after a backoff', {
          projection: projection.name,
          delayMs,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await pause(delayMs, stopping.signal);
      delayMs = Math.min(maxRestartDelayMs, delayMs * 2);
      if (isStopping()) return;
      try {
        current = await store.runProjection(projection, options);
        delayMs = firstRestartDelayMs;
      } catch (error) {
        logger.error('restarting a projection failed', {
          projection: projection.name,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await current.stop().catch(() => undefined);
      await supervising;
    },
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
