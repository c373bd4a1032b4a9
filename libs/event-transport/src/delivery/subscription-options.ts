import {
  type BatchHandler,
  deadLetterTopicFor,
  defaultMaxBatchSize,
  defaultRetryPolicy,
  type MessageHandler,
  type RetryPolicy,
  type SubscriptionOptions,
} from '../port.js';
import { assertValidRetryPolicy } from '../retry/backoff.js';
import { TesseraError } from '@tessera/errors';

/** Batch delivery as the adapters run it. */
export interface ResolvedBatchDelivery {
  readonly handle: BatchHandler;
  readonly maxSize: number;
}

/** Subscription options with every default applied and checked. */
export interface ResolvedSubscription {
  readonly topic: string;
  readonly group: string;
  /**
   * Delivers one message. In batch mode it hands a single-message batch to the batch handler:
   * the fallback that isolates a poison message under the per-message retry rules.
   */
  readonly handler: MessageHandler;
  /** Present in batch mode. */
  readonly batch?: ResolvedBatchDelivery;
  readonly retry: RetryPolicy;
  readonly deadLetterTopic: string;
}

export class InvalidSubscriptionError extends TesseraError<'INVALID_SUBSCRIPTION'> {
  readonly code = 'INVALID_SUBSCRIPTION';
}

/** Applies defaults and refuses options that could never work, before anything starts. */
export function resolveSubscription(options: SubscriptionOptions): ResolvedSubscription {
  if (options.topic.trim() === '') {
    throw new InvalidSubscriptionError('a subscription needs a topic');
  }
  if (options.group.trim() === '') {
    throw new InvalidSubscriptionError(`the subscription to ${options.topic} needs a group`);
  }
  const retry = options.retry ?? defaultRetryPolicy;
  assertValidRetryPolicy(retry);
  const deadLetterTopic = options.deadLetterTopic ?? deadLetterTopicFor(options.topic);
  if (deadLetterTopic === options.topic) {
    throw new InvalidSubscriptionError(
      `the dead-letter topic of ${options.topic} must differ from the topic itself`,
    );
  }
  return {
    topic: options.topic,
    group: options.group,
    retry,
    deadLetterTopic,
    ...delivery(options, options.topic),
  };
}

/** `topic` is passed on its own: where both checks fail, `options` is narrowed to `never`. */
function delivery(
  options: SubscriptionOptions,
  topic: string,
): Pick<ResolvedSubscription, 'handler' | 'batch'> {
  const { handler, handleBatch } = options;
  if (typeof handler === 'function' && typeof handleBatch === 'function') {
    throw new InvalidSubscriptionError(
      `the subscription to ${topic} gives both handler and handleBatch; choose one`,
    );
  }
  if (typeof handler === 'function') {
    return { handler };
  }
  if (typeof handleBatch !== 'function') {
    throw new InvalidSubscriptionError(
      `the subscription to ${topic} needs a handler or a handleBatch function`,
    );
  }
  const maxSize =
    ('maxBatchSize' in options ? options.maxBatchSize : undefined) ?? defaultMaxBatchSize;
  if (!Number.isSafeInteger(maxSize) || maxSize < 1) {
    throw new InvalidSubscriptionError(
      `maxBatchSize of the subscription to ${topic} must be a positive integer, got ${String(maxSize)}`,
    );
  }
  return { handler: (message) => handleBatch([message]), batch: { handle: handleBatch, maxSize } };
}
