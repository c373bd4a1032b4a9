import { silentLogger, type EventEnvelope, type Logger } from '@tessera/event-transport';
import type pg from 'pg';
import { describeValue, InvalidArgumentError, InvalidEventError } from '../errors.js';
import { storeTables } from '../tables.js';
import { noUpcasters, type Upcasters } from '../upcasting.js';
import { isUuid } from '../validation/validate-append.js';

/** What every idempotent consumer is configured with. */
export interface IdempotentConsumerOptions {
  readonly pool: pg.Pool;
  /** The consuming service's schema; it needs the event store's migrations (processed_messages). */
  readonly schema: string;
  /** Names the effect, e.g. `composer.inventory-projection`: one record per (consumer, event). */
  readonly consumer: string;
  /** Brings incoming payloads to the versions this consumer understands. */
  readonly upcasters?: Upcasters;
  readonly logger?: Logger;
}

/** The checked settings of an idempotent consumer. */
export interface IdempotentConsumer {
  readonly pool: pg.Pool;
  readonly consumer: string;
  readonly processedMessagesTable: string;
  readonly upcasters: Upcasters;
  readonly logger: Logger;
}

export function idempotentConsumer(options: IdempotentConsumerOptions): IdempotentConsumer {
  if (typeof options.consumer !== 'string' || options.consumer.length === 0) {
    throw new InvalidArgumentError('consumer', 'must be a non-empty string');
  }
  return {
    pool: options.pool,
    consumer: options.consumer,
    processedMessagesTable: storeTables(options.schema).processedMessages,
    upcasters: options.upcasters ?? noUpcasters,
    logger: options.logger ?? silentLogger,
  };
}

/** Refuses an envelope whose id cannot be recorded as processed. */
export function assertRecordableEventId(envelope: EventEnvelope): void {
  if (!isUuid(envelope.id)) {
    throw new InvalidEventError('id', `must be a UUID, got ${describeValue(envelope.id)}`);
  }
}

/**
 * Inside the caller's transaction, records `eventIds` as processed by the consumer and returns
 * the ids (lower case) that were not processed before: those whose effect this transaction
 * must apply. A concurrent transaction recording the same id makes this one wait for it and
 * then leaves the id out. Ids are recorded in sorted order, so that two overlapping batches
 * lock their rows in the same order instead of deadlocking.
 */
export async function recordUnprocessed(
  client: pg.ClientBase,
  settings: IdempotentConsumer,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const distinct = [...new Set(eventIds.map((id) => id.toLowerCase()))].sort();
  const { rows } = await client.query<{ event_id: string }>(
    `INSERT INTO ${settings.processedMessagesTable} (consumer, event_id)
     SELECT $1, unnest($2::uuid[])
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
    [settings.consumer, distinct],
  );
  return new Set(rows.map((row) => row.event_id.toLowerCase()));
}
