import type { EventEnvelope, Logger } from '@tessera/event-transport';
import {
  isTransientPostgresError,
  listenForNotifications,
  logStart,
  LogTailer,
  withTransaction,
  type LogPosition,
  type NotificationListener,
} from '@tessera/postgres';
import type pg from 'pg';
import { ConcurrencyError, InvalidArgumentError } from '../errors.js';
import { nextPosition, readLogRows, upcastRow, validateLimit } from '../read.js';
import type { StoreTables } from '../tables.js';
import type { Upcasters } from '../upcasting.js';
import { readCheckpoint, saveCheckpoint, tryLockSubscription } from './checkpoints.js';

export interface LogSubscriptionOptions {
  /** Names the checkpoint; instances with the same name share it and never handle a batch twice. */
  readonly name: string;
  /**
   * Handles a batch in commit-safe log order, inside the transaction that then saves the
   * checkpoint: writes through `client` commit with it, or roll back with it when this throws.
   */
  readonly handle: (events: readonly EventEnvelope[], client: pg.PoolClient) => Promise<void>;
  /** Events per batch (1..10000, default 100). */
  readonly batchSize?: number;
  /** Longest wait between polls when no notification arrives (default 500 ms). */
  readonly idlePollMs?: number;
  /** Called once when the subscription fails (it has stopped by then). */
  readonly onFailed?: (error: unknown) => void;
}

export type LogSubscriptionState = 'running' | 'stopped' | 'failed';

export interface LogSubscriptionStatus {
  readonly state: LogSubscriptionState;
  /** The last checkpoint this instance committed (or read at start). */
  readonly position: LogPosition;
  readonly handledEvents: number;
  /** The error that failed it, or the last transient database error it is riding out. */
  readonly lastError?: string;
}

export interface LogSubscription {
  readonly name: string;
  status(): LogSubscriptionStatus;
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>;
  /** Resolves after `stop()`; rejects with the error when the subscription fails. */
  readonly finished: Promise<void>;
}

export interface SubscriptionDeps {
  readonly pool: pg.Pool;
  readonly tables: StoreTables;
  readonly upcasters: Upcasters;
  readonly connectionString: string;
  readonly logger: Logger;
}

/**
 * Follows the store's log from the subscription's checkpoint, woken by the NOTIFY every append
 * sends and polling in between. A batch that fails rolls back whole (handler writes and
 * checkpoint). A transient database error or a `ConcurrencyError` is logged and the batch is
 * retried on the next poll; any other error (including the handler's) fails the subscription:
 * `finished` rejects, `onFailed` is called and the status says why. Restarting it is the
 * supervisor's decision.
 */
export async function startLogSubscription(
  deps: SubscriptionDeps,
  options: LogSubscriptionOptions,
): Promise<LogSubscription> {
  const { pool, tables, upcasters, logger } = deps;
  const name = validateSubscriptionName(options.name);
  const batchSize = validateLimit(options.batchSize, 'batchSize', 100);
  const progress: Mutable<LogSubscriptionStatus> = {
    state: 'running',
    position: (await readCheckpoint(pool, tables, name)) ?? logStart,
    handledEvents: 0,
  };

  const pollOnce = async (): Promise<number> => {
    try {
      const outcome = await withTransaction(pool, async (client) => {
        if (!(await tryLockSubscription(client, tables, name))) return undefined;
        const after = (await readCheckpoint(client, tables, name)) ?? logStart;
        const rows = await readLogRows(client, tables, after, batchSize);
        if (rows.length === 0) return undefined;
        await options.handle(
          rows.map((row) => upcastRow(upcasters, row)),
          client,
        );
        const next = nextPosition(rows, after);
        await saveCheckpoint(client, tables, name, next);
        return { next, count: rows.length };
      });
      if (!outcome) return 0;
      progress.position = outcome.next;
      progress.handledEvents += outcome.count;
      delete progress.lastError;
      return outcome.count;
    } catch (error) {
      if (!isRetryable(error)) throw error;
      progress.lastError = describe(error);
      logger.warn('event store subscription batch failed transiently; retrying', {
        subscription: name,
        error: progress.lastError,
      });
      return 0;
    }
  };

  const tailer = new LogTailer({ pollOnce, idlePollMs: options.idlePollMs ?? 500 });
  let listener: NotificationListener | undefined;
  const finished = tailer.finished.then(
    async () => {
      await listener?.close();
      progress.state = 'stopped';
    },
    async (error: unknown) => {
      await listener?.close();
      progress.state = 'failed';
      progress.lastError = describe(error);
      logger.error('event store subscription failed', {
        subscription: name,
        error: progress.lastError,
      });
      options.onFailed?.(error);
      throw error;
    },
  );
  void finished.catch(() => undefined);

  try {
    listener = await listenForNotifications({
      connectionString: deps.connectionString,
      channel: tables.channel,
      onNotify: () => {
        tailer.wake();
      },
      onError: (error) => {
        logger.warn('event store subscription lost its notification connection', {
          subscription: name,
          error: error.message,
        });
      },
    });
  } catch (error) {
    await tailer.stop();
    throw error;
  }
  if (progress.state !== 'running') await listener.close();

  return {
    name,
    finished,
    status: () => ({ ...progress }),
    stop: async () => {
      await tailer.stop();
      await finished.catch(() => undefined);
    },
  };
}

export function validateSubscriptionName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
    throw new InvalidArgumentError('name', 'must be a non-empty string of at most 200 characters');
  }
  return name;
}

/**
 * Worth another try later: the database was unreachable, or the handler lost an append race
 * (a process manager appending in the batch's transaction); the batch was rolled back whole.
 */
function isRetryable(error: unknown): boolean {
  return isTransientPostgresError(error) || error instanceof ConcurrencyError;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
