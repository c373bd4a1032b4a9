import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createComposerPersistence,
  composerLedgerSchema,
  composerStoreSchema,
} from '@tessera/composer';
import { createPool } from '@tessera/postgres';
import type pg from 'pg';
import { BenchPhaseError } from '../core/errors.js';
import type { ContentionResult } from './contention-worker.js';

const workerEntry = fileURLToPath(new URL('./contention-worker.ts', import.meta.url));

export interface ContentionSettings {
  readonly processes: number;
  readonly requestsPerProcess: number;
  readonly lanesPerProcess: number;
  readonly gpus: number;
}

export interface ContentionReport {
  readonly processes: number;
  readonly requests: number;
  readonly compositionsMade: number;
  readonly refused: number;
  readonly errors: readonly string[];
  /** Devices held beyond their limit, counted from the compositions' own Scheduled events. */
  readonly doubleAllocations: number;
  /** The same, counted from the ledger's rows. */
  readonly ledgerOverAllocations: number;
}

/** Forks the contending processes over one fresh database, then audits what they made. */
export async function runContention(
  databaseUrl: string,
  settings: ContentionSettings,
): Promise<ContentionReport> {
  const pool = createPool({ connectionString: databaseUrl, max: 2 });
  try {
    await createComposerPersistence({ pool }).migrate();
    const results = await Promise.all(
      Array.from({ length: settings.processes }, (_, at) =>
        runWorker(databaseUrl, `contender-${at}`, settings),
      ),
    );
    const scheduled = results.reduce((sum, result) => sum + result.scheduled, 0);
    return {
      processes: settings.processes,
      requests: results.reduce((sum, result) => sum + result.requests, 0),
      compositionsMade: scheduled,
      refused: results.reduce((sum, result) => sum + result.failed, 0),
      errors: results.flatMap((result) => result.errors),
      doubleAllocations: await overAllocatedByEvents(pool),
      ledgerOverAllocations: await overAllocatedByLedger(pool),
    };
  } finally {
    await pool.end();
  }
}

function runWorker(
  databaseUrl: string,
  worker: string,
  settings: ContentionSettings,
): Promise<ContentionResult> {
  const child = fork(workerEntry, [], {
    stdio: ['ignore', 2, 2, 'ipc'],
    env: {
      ...process.env,
      CONTENTION_DATABASE_URL: databaseUrl,
      CONTENTION_WORKER: worker,
      CONTENTION_REQUESTS: String(settings.requestsPerProcess),
      CONTENTION_LANES: String(settings.lanesPerProcess),
      CONTENTION_GPUS: String(settings.gpus),
    },
  });
  return new Promise((resolve, reject) => {
    let result: ContentionResult | undefined;
    let failure = `contention process ${worker} exited without a result`;
    child.on('message', (message: { kind: string; result?: ContentionResult; error?: string }) => {
      if (message.kind === 'result') result = message.result;
      else failure = `contention process ${worker} failed: ${message.error ?? '?'}`;
    });
    child.once('error', reject);
    child.once('exit', () => {
      if (result) resolve(result);
      else reject(new BenchPhaseError('contention', failure));
    });
  });
}

/**
 * Every composition in this run stays scheduled (nothing is released), so each device named in
 * a `Scheduled` event is held by that composition: count the devices named by more
 * compositions than their sharing limit allows.
 */
async function overAllocatedByEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ over: string }>(
    `WITH held AS (
       SELECT DISTINCT e.data->>'compositionId' AS composition_id, device_id
         FROM ${composerStoreSchema}.events e,
              jsonb_array_elements(e.data->'groups') AS g,
              jsonb_array_elements_text(g->'deviceIds') AS device_id
        WHERE e.type = 'tessera.composer.v1.Scheduled')
     SELECT count(*) AS over FROM (
       SELECT device_id, count(*) AS holders FROM held GROUP BY device_id) counted
      WHERE holders > CASE WHEN device_id LIKE 'nvme-%' THEN 2 ELSE 1 END`,
  );
  return Number(rows[0]?.over ?? 0);
}

async function overAllocatedByLedger(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ over: string }>(
    `SELECT count(*) AS over FROM (
       SELECT a.device_id, count(*) AS holders, max(c.max_compositions) AS most
         FROM ${composerLedgerSchema}.allocations a
         JOIN ${composerLedgerSchema}.device_capacity c USING (device_id)
        GROUP BY a.device_id) counted
      WHERE holders > most`,
  );
  return Number(rows[0]?.over ?? 0);
}
