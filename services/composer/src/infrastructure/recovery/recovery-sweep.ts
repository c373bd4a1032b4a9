import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  type ResumeReport,
  type ResumeStalledDeps,
  resumeStalledCompositions,
} from '../../application/lifecycle/index.js';

/** The advisory lock that lets one replica at a time sweep. */
const sweepLockName = 'tessera.composer.recovery-sweep';

export interface RecoverySweepOptions {
  readonly pool: pg.Pool;
  /** How long a request or schedule may wait for its replica before the sweep takes it over. */
  readonly graceMs: number;
  readonly intervalMs: number;
  /** A failed pass is reported here; the next one runs anyway. */
  readonly onError: (error: unknown) => void;
}

export interface RecoverySweep {
  /** Waits for the pass in hand, then stops. */
  stop(): Promise<void>;
}

/**
 * One pass of the crash-recovery sweep, if no other replica is sweeping (a session advisory
 * lock, freed with the connection when a sweeping replica dies): resumes the compositions left
 * half way (`resumeStalledCompositions`), as actor `system`. Returns `locked` when another
 * replica holds the lock.
 */
export async function sweepStalledCompositions(
  deps: ResumeStalledDeps,
  pool: pg.Pool,
  graceMs: number,
): Promise<ResumeReport | 'locked'> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [sweepLockName],
    );
    if (rows[0]?.locked !== true) {
      return 'locked';
    }
    try {
      return await resumeStalledCompositions(deps, graceMs, {
        correlationId: randomUUID(),
        actor: 'system',
      });
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [sweepLockName]);
    }
  } finally {
    client.release();
  }
}

/** Runs `sweepStalledCompositions` every `intervalMs`, one pass at a time. */
export function runRecoverySweep(
  deps: ResumeStalledDeps,
  options: RecoverySweepOptions,
): RecoverySweep {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= sweepStalledCompositions(deps, options.pool, options.graceMs)
      .then(() => undefined)
      .catch(options.onError)
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
