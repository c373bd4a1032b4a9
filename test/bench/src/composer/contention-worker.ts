/**
 * One contending composer process (forked by contention.ts through the same tsx loader): over
 * CONTENTION_DATABASE_URL it sends CONTENTION_REQUESTS composition requests from
 * CONTENTION_LANES concurrent loops against its own candidate index of the scarce pool, then
 * reports what it got over IPC and exits.
 */
import { randomUUID } from 'node:crypto';
import { createComposerPersistence, requestComposition } from '@tessera/composer';
import { createPool } from '@tessera/postgres';
import { contendedSpec, contentionPool } from './contention-pool.js';

export interface ContentionResult {
  readonly worker: string;
  readonly requests: number;
  readonly scheduled: number;
  readonly failed: number;
  readonly errors: readonly string[];
}

const setting = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

async function contend(): Promise<ContentionResult> {
  const worker = setting('CONTENTION_WORKER');
  const requests = Number(setting('CONTENTION_REQUESTS'));
  const lanes = Number(setting('CONTENTION_LANES'));
  const pool = createPool({ connectionString: setting('CONTENTION_DATABASE_URL'), max: lanes });
  const persistence = createComposerPersistence({ pool });
  const index = contentionPool(Number(setting('CONTENTION_GPUS')));
  const deps = {
    compositions: persistence.compositions,
    candidates: () => Promise.resolve(index),
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    owner: worker,
    maxScheduleAttempts: 8,
  };
  const result = { worker, requests: 0, scheduled: 0, failed: 0, errors: [] as string[] };
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < requests) {
        next += 1;
        result.requests += 1;
        try {
          const outcome = await requestComposition(
            deps,
            { spec: contendedSpec, idempotencyKey: randomUUID(), requestedBy: worker },
            { correlationId: randomUUID(), actor: worker },
          );
          if (outcome.status === 'scheduled') result.scheduled += 1;
          else result.failed += 1;
        } catch (error) {
          if (result.errors.length < 5) result.errors.push(String(error));
        }
      }
    }),
  );
  await pool.end();
  return result;
}

function send(message: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) {
      resolve();
      return;
    }
    process.send(message, () => {
      resolve();
    });
  });
}

try {
  await send({ kind: 'result', result: await contend() });
  process.exit(0);
} catch (error) {
  await send({ kind: 'failed', error: String(error) });
  process.exit(1);
}
