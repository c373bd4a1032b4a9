import type { BatchHandler, DeliveredMessage, EventEnvelope } from '@tessera/event-transport';
import { withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import {
  assertRecordableEventId,
  idempotentConsumer,
  type IdempotentConsumerOptions,
  recordUnprocessed,
} from './processed-messages.js';

export interface IdempotentBatchHandlerOptions extends IdempotentConsumerOptions {
  /**
   * The effect of the batch's new events. Write through `client`: it is the transaction that
   * records them as processed. `envelopes` (upcast) and `messages` (as delivered) correspond
   * by index and keep the delivery order; events processed before, and repeats of an id
   * inside the batch, are left out. Not called when nothing in the batch is new.
   */
  readonly handle: (
    envelopes: readonly EventEnvelope[],
    client: pg.PoolClient,
    messages: readonly DeliveredMessage[],
  ) => Promise<void>;
}

/**
 * The batch counterpart of `createIdempotentHandler`, for `handleBatch` subscriptions: ONE
 * transaction per batch records every event id as processed (one statement) and runs `handle`
 * with the events not processed before; the batch handler resolves only after the commit. A
 * failure rolls back the effects and the records alike and propagates unchanged: the transport
 * then redelivers the batch one message at a time, which isolates a poison event.
 */
export function createIdempotentBatchHandler(options: IdempotentBatchHandlerOptions): BatchHandler {
  const settings = idempotentConsumer(options);
  return async (messages) => {
    if (messages.length === 0) return;
    messages.forEach((message) => {
      assertRecordableEventId(message.envelope);
    });
    const skipped = await withTransaction(settings.pool, async (client) => {
      const unprocessed = await recordUnprocessed(
        client,
        settings,
        messages.map((message) => message.envelope.id),
      );
      const fresh = messages.filter((message) =>
        unprocessed.delete(message.envelope.id.toLowerCase()),
      );
      if (fresh.length > 0) {
        const envelopes = fresh.map((message) => settings.upcasters.upcast(message.envelope));
        await options.handle(envelopes, client, fresh);
      }
      return messages.length - fresh.length;
    });
    if (skipped > 0) {
      settings.logger.debug('skipped events this consumer already processed', {
        consumer: settings.consumer,
        skipped,
        messages: messages.length,
        topic: messages[0]?.topic,
      });
    }
  };
}
