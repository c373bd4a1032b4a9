import { describeError, isTransientInfrastructureError } from '../errors/transient-errors.js';
import type { Logger } from '../logger.js';
import type { BatchHandler, DeliveredMessage } from '../port.js';

/**
 * - `handled`: the batch handler resolved; acknowledge every message of the batch.
 * - `split`: deliver the batch's messages one at a time (`deliverWithRetry` with the
 *   subscription's per-message handler), acknowledging each as it settles. Returned when the
 *   batch handler failed for a reason other than infrastructure, and for a batch of one, whose
 *   per-message delivery is the same call with retries.
 * - `abandoned`: the consumer is stopping; acknowledge nothing.
 */
export type BatchAttemptOutcome = 'handled' | 'split' | 'abandoned';

export interface BatchAttemptOptions {
  readonly messages: readonly Omit<DeliveredMessage, 'attempt'>[];
  readonly handleBatch: BatchHandler;
  readonly group: string;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Runs every `keepAliveEveryMs` while the batch handler works (Kafka heartbeats). */
  readonly keepAlive?: () => Promise<void>;
  readonly keepAliveEveryMs?: number;
}

/**
 * Hands a batch to the batch handler once. Throws (so that the consumer crashes, restarts and
 * redelivers the batch) when the handler fails with a transient infrastructure error.
 */
export async function attemptBatch(options: BatchAttemptOptions): Promise<BatchAttemptOutcome> {
  const { messages, signal } = options;
  if (signal.aborted) {
    return 'abandoned';
  }
  if (messages.length <= 1) {
    return 'split';
  }
  try {
    await whileKeptAlive(
      options.handleBatch(messages.map((message) => ({ ...message, attempt: 1 }))),
      options.keepAlive,
      options.keepAliveEveryMs ?? 1_000,
    );
  } catch (error) {
    if (isTransientInfrastructureError(error)) {
      throw error;
    }
    const first = messages[0];
    options.logger.warn('batch handler failed; delivering its messages one at a time', {
      topic: first?.topic,
      group: options.group,
      messages: messages.length,
      firstEventId: first?.envelope.id,
      error: describeError(error),
    });
    // Stopping meanwhile is noticed by the one-by-one delivery, which checks before each message.
    return 'split';
  }
  return 'handled';
}

/**
 * Awaits `work`, calling `keepAlive` at an interval meanwhile. A keep-alive failure (e.g. the
 * group is rebalancing) is left for the caller's next explicit keep-alive to report.
 */
async function whileKeptAlive(
  work: Promise<void>,
  keepAlive: (() => Promise<void>) | undefined,
  everyMs: number,
): Promise<void> {
  if (!keepAlive) {
    await work;
    return;
  }
  const timer = setInterval(() => {
    keepAlive().catch(() => undefined);
  }, everyMs);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
}
