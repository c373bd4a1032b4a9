import type { LogPosition } from '@tessera/postgres';
import { attemptBatch } from '../delivery/attempt-batch.js';
import { chunksOf } from '../delivery/chunks.js';
import { deliverWithRetry } from '../delivery/deliver-with-retry.js';
import type { ResolvedBatchDelivery } from '../delivery/subscription-options.js';
import type { DeliveredMessage } from '../port.js';
import type { LogConsumerRunContext } from './log-consumer.js';
import type { PendingLogOffset } from './log-offsets.js';
import type { LogRow } from './log-reader.js';

/** What delivering read rows needs from the consumer run. */
export interface LogDelivery {
  readonly context: LogConsumerRunContext;
  /** Aborted when the run stops or crashes: nothing more is handled or acknowledged. */
  readonly signal: AbortSignal;
  readonly offset: PendingLogOffset;
  /** Moves the run's read position past a handled row. */
  readonly advance: (position: LogPosition) => void;
}

/**
 * Delivers rows read from the log, in order, one by one or (batch mode) in batches of at most
 * `maxSize`, a failed batch being delivered again one by one. The group offset is saved once at
 * the end (and when due during a slow pass), also when a transient failure ends the pass, so
 * that the crash redelivers only what was not handled. Returns how many rows were handled.
 */
export async function deliverLogRows(
  delivery: LogDelivery,
  rows: readonly LogRow[],
): Promise<number> {
  const batchMode = delivery.context.subscription.batch;
  let handled = 0;
  try {
    const chunks = batchMode ? chunksOf(rows, batchMode.maxSize) : [rows];
    for (const chunk of chunks) {
      const delivered = batchMode
        ? await deliverChunk(delivery, batchMode, chunk)
        : await deliverOneByOne(delivery, chunk);
      handled += delivered;
      if (delivered < chunk.length) {
        break;
      }
    }
  } catch (error) {
    await delivery.offset.saveNow().catch(() => undefined);
    throw error;
  }
  await delivery.offset.saveNow();
  return handled;
}

async function deliverChunk(
  delivery: LogDelivery,
  batchMode: ResolvedBatchDelivery,
  rows: readonly LogRow[],
): Promise<number> {
  const { subscription, logger } = delivery.context;
  const last = rows.at(-1);
  if (!last) {
    return 0;
  }
  const outcome = await attemptBatch({
    messages: rows.map((row) => messageOf(delivery, row)),
    handleBatch: batchMode.handle,
    group: subscription.group,
    signal: delivery.signal,
    logger,
  });
  switch (outcome) {
    case 'handled':
      delivery.offset.handled(last.position);
      delivery.advance(last.position);
      return rows.length;
    case 'split':
      return deliverOneByOne(delivery, rows);
    case 'abandoned':
      return 0;
  }
}

async function deliverOneByOne(delivery: LogDelivery, rows: readonly LogRow[]): Promise<number> {
  const { subscription, logger, deadLetter } = delivery.context;
  let handled = 0;
  for (const row of rows) {
    const outcome = await deliverWithRetry({
      message: messageOf(delivery, row),
      handler: subscription.handler,
      retry: subscription.retry,
      group: subscription.group,
      deadLetter,
      signal: delivery.signal,
      logger,
    });
    if (outcome === 'abandoned') {
      break;
    }
    delivery.offset.handled(row.position);
    delivery.advance(row.position);
    handled += 1;
    await delivery.offset.saveIfDue();
  }
  return handled;
}

function messageOf(delivery: LogDelivery, row: LogRow): Omit<DeliveredMessage, 'attempt'> {
  const { topic } = delivery.context.subscription;
  return { topic, key: row.key, envelope: row.envelope, headers: row.headers };
}
