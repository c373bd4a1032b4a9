import type { DeliveredMessage, EventEnvelope, MessageHandler } from '@tessera/event-transport';
import { withTransaction } from '@tessera/postgres';
import type pg from 'pg';
import {
  assertRecordableEventId,
  idempotentConsumer,
  type IdempotentConsumerOptions,
  recordUnprocessed,
} from './processed-messages.js';

export interface IdempotentHandlerOptions extends IdempotentConsumerOptions {
  /** The effect. Write through `client`: it is the transaction that records the event as processed. */
  readonly handle: (
    envelope: EventEnvelope,
    client: pg.PoolClient,
    message: DeliveredMessage,
  ) => Promise<void>;
}

/**
 * A transport handler whose effect happens once per event id, however often the event is
 * delivered. In one transaction it records `(consumer, event id)` as processed (a record that is
 * already there means "done before": skip) and runs `handle`; only after the commit does it
 * resolve, so the transport acknowledges only processed messages. A concurrent redelivery waits
 * for the first transaction and then skips. Errors propagate unchanged: the transport decides
 * between retry, dead letter and restart.
 */
export function createIdempotentHandler(options: IdempotentHandlerOptions): MessageHandler {
  const settings = idempotentConsumer(options);
  return async (message) => {
    const { envelope } = message;
    assertRecordableEventId(envelope);
    const handled = await withTransaction(settings.pool, async (client) => {
      const unprocessed = await recordUnprocessed(client, settings, [envelope.id]);
      if (unprocessed.size === 0) return false;
      await options.handle(settings.upcasters.upcast(envelope), client, message);
      return true;
    });
    if (!handled) {
      settings.logger.debug('skipped an event this consumer already processed', {
        consumer: settings.consumer,
        eventId: envelope.id,
        topic: message.topic,
      });
    }
  };
}
