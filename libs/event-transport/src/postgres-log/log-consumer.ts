import pg from 'pg';
import { type LogPosition, LogTailer } from '@tessera/postgres';
import type { ResolvedSubscription } from '../delivery/subscription-options.js';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import type { Logger } from '../logger.js';
import type { OutgoingMessage } from '../port.js';
import type { ConsumerRun } from '../supervisor/consumer-supervisor.js';
import { RunLifecycle } from '../supervisor/run-lifecycle.js';
import { deliverLogRows, type LogDelivery } from './log-delivery.js';
import { PendingLogOffset } from './log-offsets.js';
import type { LogTables } from './log-schema.js';
import { readGroupOffset, readLogBatch, saveGroupOffset, tryLockGroup } from './log-reader.js';

export interface LogConsumerRunContext {
  readonly connectionString: string;
  readonly tables: LogTables;
  readonly subscription: ResolvedSubscription;
  readonly deadLetter: (message: OutgoingMessage) => Promise<void>;
  readonly logger: Logger;
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  /** Registers the run's wake-up for log notifications; returns the unregistration. */
  readonly onNotification: (wake: () => void) => () => void;
}

/** Shows in `pg_stat_activity`: the connections that hold consumer group locks. */
export const logConsumerApplicationName = 'tessera-log-consumer';

/**
 * One life of a log consumer. It owns a dedicated connection that holds the group's advisory
 * lock; until it gets the lock it stands by, retrying at every poll. Holding it, it reads in
 * commit-safe order after the group's offset, hands messages to the handler (one by one, or as
 * batches to a batch handler) and saves the offset once per read batch, all on that same
 * connection, so only the lock holder can move the offset. Losing the connection crashes the
 * run (the supervisor restarts it).
 */
export async function startLogConsumerRun(context: LogConsumerRunContext): Promise<ConsumerRun> {
  const { tables, subscription, logger } = context;
  const { topic, group } = subscription;
  const lifecycle = new RunLifecycle();
  const client = new pg.Client({
    connectionString: context.connectionString,
    application_name: logConsumerApplicationName,
    // An unreachable server must fail the start (and be retried) rather than hang it.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    // Its few statements are prepared, and their generic plans are the custom ones (an index
    // scan in commit order): without this, Postgres kept planning the log read at every poll.
    options: '-c plan_cache_mode=force_generic_plan',
  });
  let stopping = false;
  client.on('error', (error) => {
    lifecycle.crash(error);
  });
  client.on('end', () => {
    if (!stopping) {
      lifecycle.crash(
        new TransientInfrastructureError('the log consumer lost its Postgres connection'),
      );
    }
  });
  try {
    await client.connect();
  } catch (error) {
    stopping = true;
    await client.end().catch(() => undefined);
    throw error;
  }

  let checkpoint: LogPosition | undefined;
  const delivery: LogDelivery = {
    context,
    signal: lifecycle.signal,
    offset: new PendingLogOffset((position) =>
      saveGroupOffset(client, tables, group, topic, position),
    ),
    advance: (position) => {
      checkpoint = position;
    },
  };
  const pollOnce = async (): Promise<number> => {
    if (checkpoint === undefined) {
      if (!(await tryLockGroup(client, tables, group, topic))) {
        return 0;
      }
      checkpoint = await readGroupOffset(client, tables, group, topic);
      logger.info('log consumer is the active member of its group', { topic, group, checkpoint });
    }
    const rows = await readLogBatch(client, tables, topic, checkpoint, context.batchSize);
    return deliverLogRows(delivery, rows);
  };

  const tailer = new LogTailer({ pollOnce, idlePollMs: context.pollIntervalMs });
  tailer.finished.catch((error: unknown) => {
    lifecycle.crash(error);
  });
  const unregister = context.onNotification(() => {
    tailer.wake();
  });
  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    lifecycle.end();
    stopping = true;
    unregister();
    await tailer.stop();
    await client.end().catch(() => undefined);
  };
  return {
    crashed: lifecycle.crashed,
    stop: () => (stopped ??= stop()),
  };
}
