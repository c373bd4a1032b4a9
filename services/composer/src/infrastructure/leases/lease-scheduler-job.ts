import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  advanceLeases,
  type LeaseDeps,
  type LeaseProgress,
} from '../../application/leases/index.js';

export interface LeaseSchedulerJobOptions {
  readonly pool: pg.Pool;
  readonly deps: LeaseDeps;
  /** How often it looks for due leases (default 30 s). */
  readonly intervalMs?: number;
  /** Called with what a run failed on; the next run tries again. */
  readonly onError?: (error: unknown) => void;
}

/** Key of the session advisory lock that lets one replica at a time move leases on. */
export const leaseSchedulerLockKey = 0x7e55_1ea5;

/**
 * Moves leases on (start, warn, end) every `intervalMs`, driven by the deps' clock. One replica
 * at a time runs it (a session advisory lock; the others skip the run); the steps are
 * idempotent anyway, so a replica that lost its lock mid-run appends nothing twice.
 */
export class LeaseSchedulerJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LeaseSchedulerJobOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.runOnce().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.intervalMs ?? 30_000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One run if this replica gets the lock; undefined when another replica holds it. */
  async runOnce(): Promise<LeaseProgress | undefined> {
    const client = await this.options.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [leaseSchedulerLockKey],
      );
      if (!rows[0]?.locked) return undefined;
      try {
        return await advanceLeases(this.options.deps, {
          correlationId: randomUUID(),
          actor: 'system:lease-scheduler',
        });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [leaseSchedulerLockKey]);
      }
    } finally {
      client.release();
    }
  }
}
