import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SyncOutcome } from '../../application/sync-source/sync-source.handler.js';
import { dueSources } from './due-sources.js';

export interface SourceSyncLoopOptions {
  readonly pool: pg.Pool;
  readonly viewsSchema: string;
  /** Runs one sync of a source (the application's `syncSource` with its dependencies bound). */
  readonly sync: (id: string, correlationId: string, signal: AbortSignal) => Promise<SyncOutcome>;
  /** How often due sources are looked for. */
  readonly tickMs: number;
  /** A sync running longer than this is aborted (and counts as the source not answering). */
  readonly syncTimeoutMs: number;
  readonly onError: (error: unknown, sourceId: string | undefined) => void;
}

/** Only one replica syncs at a time: the one holding this session-level advisory lock. */
const leaderLockKey = 'tessera.inventory.source-sync';

/**
 * Resyncs every registered Redfish source on its interval, in one replica at a time (leader
 * elected by an advisory lock held on a dedicated connection), one source after another. A sync
 * that fails unexpectedly is reported and retried at its next interval; nothing stops the loop
 * but `stop()`.
 */
export class SourceSyncLoop {
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  /**
   * When each source was last tried here. A source that keeps failing records no new event (it
   * is already "not answering"), so the projection alone would call it due on every tick.
   */
  private readonly lastAttemptMs = new Map<string, number>();

  constructor(private readonly options: SourceSyncLoopOptions) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    let leader: pg.PoolClient | undefined;
    try {
      while (!this.stopping.signal.aborted) {
        try {
          leader ??= await this.tryToLead();
          if (leader) await this.syncDueSources();
        } catch (error) {
          this.options.onError(error, undefined);
          leader?.release(true);
          leader = undefined;
        }
        await sleep(this.options.tickMs, this.stopping.signal);
      }
    } finally {
      leader?.release(true);
    }
  }

  private async tryToLead(): Promise<pg.PoolClient | undefined> {
    const client = await this.options.pool.connect();
    const { rows } = await client.query<{ leader: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS leader',
      [leaderLockKey],
    );
    if (rows[0]?.leader) return client;
    client.release();
    return undefined;
  }

  private async syncDueSources(): Promise<void> {
    for (const { id, intervalSeconds } of await dueSources(
      this.options.pool,
      this.options.viewsSchema,
    )) {
      if (this.stopping.signal.aborted) return;
      const last = this.lastAttemptMs.get(id);
      if (last !== undefined && Date.now() - last < intervalSeconds * 1_000) continue;
      this.lastAttemptMs.set(id, Date.now());
      const signal = AbortSignal.any([
        this.stopping.signal,
        AbortSignal.timeout(this.options.syncTimeoutMs),
      ]);
      try {
        await this.options.sync(id, randomUUID(), signal);
      } catch (error) {
        this.options.onError(error, id);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(timer);
      resolve();
    };
    // The listener goes with the timer: one is added per tick, so it must not outlive it.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', wake);
      resolve();
    }, ms);
    signal.addEventListener('abort', wake, { once: true });
  });
}
