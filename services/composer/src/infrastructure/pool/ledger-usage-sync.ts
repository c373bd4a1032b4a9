import type { scheduler } from '@tessera/composer-domain';
import { describeError, type Logger, silentLogger } from '@tessera/event-transport';
import { quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import { composerLedgerSchema } from '../persistence/index.js';

export interface LedgerUsageSyncOptions {
  readonly pool: pg.Pool;
  readonly index: scheduler.CandidateIndex;
  /** How often the counts are read again (default 2 s). */
  readonly intervalMs?: number;
  readonly ledgerSchema?: string;
  readonly logger?: Logger;
}

export const defaultLedgerSyncIntervalMs = 2_000;

/**
 * Copies the ledger's allocation counts (`device_capacity.used`) into the index at start and
 * then every `intervalMs`, so that other replicas' allocations show in this replica's choices.
 * A device promised to a lease whose window has not ended counts as full for the scheduler (the
 * ledger gives it to that lease's compositions only, which take exactly their held devices
 * without the scheduler, so open-ended compositions should not even try it); its real count is
 * kept beside, for questions about a window (`CandidateIndex.withoutLeasePromises`).
 * The index is a cache: the ledger still refuses a device that is taken. A failed periodic read
 * keeps the last counts and is logged; the next read repairs them.
 */
export class LedgerUsageSync {
  private readonly synced = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: LedgerUsageSyncOptions) {}

  /** Reads the counts once (failing if that read fails), then keeps them fresh. */
  async start(): Promise<void> {
    await this.refresh();
    this.schedule();
  }

  /** Reads the counts now; resolves once a read that started after this call has applied. */
  refresh(): Promise<void> {
    const read = this.queue.then(() => this.read());
    this.queue = read.catch(() => undefined);
    return read;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((error: unknown) => {
          (this.options.logger ?? silentLogger).warn(
            'ledger usage sync failed; keeping the last counts',
            {
              error: describeError(error),
            },
          );
        })
        .finally(() => {
          this.schedule();
        });
    }, this.options.intervalMs ?? defaultLedgerSyncIntervalMs);
    this.timer.unref();
  }

  private async read(): Promise<void> {
    const schema = quoteIdentifier(this.options.ledgerSchema ?? composerLedgerSchema);
    const { rows } = await this.options.pool.query<{
      device_id: string;
      used: number;
      max_compositions: number;
      promised: boolean;
    }>(
      `SELECT capacity.device_id, capacity.used, capacity.max_compositions,
              promised.device_id IS NOT NULL AS promised
         FROM ${schema}.device_capacity capacity
         LEFT JOIN (SELECT DISTINCT device_id FROM ${schema}.lease_holds WHERE ends_at > now())
              AS promised USING (device_id)
        WHERE capacity.used > 0 OR promised.device_id IS NOT NULL`,
    );
    const { index } = this.options;
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.device_id);
      index.setAllocations(row.device_id, row.used);
      index.setLeasePromise(row.device_id, row.promised ? row.max_compositions : undefined);
    }
    for (const deviceId of this.synced) {
      if (seen.has(deviceId)) continue;
      index.setAllocations(deviceId, 0);
      index.setLeasePromise(deviceId, undefined);
    }
    this.synced.clear();
    for (const deviceId of seen) this.synced.add(deviceId);
  }
}
