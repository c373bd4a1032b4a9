import { describeError, isTransientInfrastructureError } from '../errors/transient-errors.js';
import type { Logger } from '../logger.js';
import type { DeliveredMessage, MessageHandler, OutgoingMessage, RetryPolicy } from '../port.js';
import { backoffDelayMs } from '../retry/backoff.js';
import { pause } from '../retry/pause.js';
import { deadLetterMessage } from './dead-letter.js';

/**
 * - `handled`: the handler resolved; acknowledge the message.
 * - `dead-lettered`: the handler failed `maxAttempts` times and the message is on the dead-letter
 *   topic; acknowledge it and move on.
 * - `abandoned`: the consumer is stopping; do NOT acknowledge, the message will be redelivered.
 */
export type DeliveryOutcome = 'handled' | 'dead-lettered' | 'abandoned';

export interface DeliveryOptions {
  readonly message: Omit<DeliveredMessage, 'attempt'>;
  readonly handler: MessageHandler;
  readonly retry: RetryPolicy;
  readonly group: string;
  /** Publishes to the subscription's dead-letter topic; resolves once durably accepted. */
  readonly deadLetter: (message: OutgoingMessage) => Promise<void>;
  /** Aborted when the consumer stops or crashes: backoff waits end and nothing is acknowledged. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Runs during long backoffs (Kafka heartbeats). */
  readonly keepAlive?: () => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => Date;
}

/**
 * Hands one message to the handler, retrying with exponential backoff and jitter, and
 * dead-letters it after `retry.maxAttempts` failures.
 *
 * Throws (so that the consumer crashes, restarts and redelivers) when the handler fails with a
 * transient infrastructure error, which never counts as an attempt and is never dead-lettered,
 * or when the dead-letter publish itself fails.
 */
export async function deliverWithRetry(options: DeliveryOptions): Promise<DeliveryOutcome> {
  const { message, retry, signal, logger } = options;
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) {
      return 'abandoned';
    }
    try {
      await options.handler({ ...message, attempt });
      return 'handled';
    } catch (error) {
      if (isTransientInfrastructureError(error)) {
        throw error;
      }
      const fields = {
        topic: message.topic,
        group: options.group,
        key: message.key,
        eventId: message.envelope.id,
        attempt,
        maxAttempts: retry.maxAttempts,
        error: describeError(error),
      };
      if (attempt >= retry.maxAttempts) {
        await options.deadLetter(
          deadLetterMessage(message, {
            error: describeError(error),
            attempts: attempt,
            group: options.group,
            failedAt: (options.now ?? (() => new Date()))(),
          }),
        );
        logger.error('message handler failed for good; message dead-lettered', fields);
        return 'dead-lettered';
      }
      const delayMs = backoffDelayMs(retry, attempt, options.random);
      logger.warn('message handler failed; retrying after backoff', { ...fields, delayMs });
      if (!(await pause(delayMs, signal, options.keepAlive))) {
        return 'abandoned';
      }
    }
  }
}
