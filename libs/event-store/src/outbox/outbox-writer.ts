import type { EventEnvelope } from '@tessera/event-transport';
import type { Queryable } from '@tessera/postgres';
import { InvalidArgumentError } from '../errors.js';
import type { StoreTables } from '../tables.js';

/** Which appended events the outbox publishes, and where. */
export interface OutboxRouting {
  /**
   * The topic to publish `event` to (versioned, e.g. `tessera.composer.events.v1`), or null to
   * keep the event private to the service. Called inside the append's transaction: keep it pure.
   */
  topicFor(event: EventEnvelope): string | null;
  /**
   * The message key of `event` on its topic, or undefined for the stream id (the default).
   * Events with the same key stay in order; key by something other than the aggregate (a host
   * id, say) when the consumers' ordering unit is that. Pure, like `topicFor`.
   */
  keyFor?(event: EventEnvelope): string | undefined;
}

const maxTopicLength = 249;
const maxKeyLength = 1_000;

/**
 * Writes an outbox row for every event that has a topic, in the append's transaction, so the
 * event and the promise to publish it commit together. The message key is `routing.keyFor`'s, or
 * the stream id, which keeps each aggregate's events in order on the topic.
 */
export async function writeOutboxRows(
  db: Queryable,
  tables: StoreTables,
  routing: OutboxRouting,
  events: readonly EventEnvelope[],
): Promise<void> {
  const rows = events.flatMap((event) => {
    const topic: unknown = routing.topicFor(event);
    if (topic === null) return [];
    if (typeof topic !== 'string' || topic.length === 0 || topic.length > maxTopicLength) {
      throw new InvalidArgumentError(
        'outbox.topicFor',
        `must return null or a topic name of 1 to ${maxTopicLength} characters, got ${JSON.stringify(topic)} for ${event.type}`,
      );
    }
    return [{ topic, event, key: keyOf(routing, event) }];
  });
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO ${tables.outbox} (position, event_id, topic, message_key, envelope)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])`,
    [
      rows.map((row) => row.event.position),
      rows.map((row) => row.event.id),
      rows.map((row) => row.topic),
      rows.map((row) => row.key),
      rows.map((row) => JSON.stringify(row.event)),
    ],
  );
}

function keyOf(routing: OutboxRouting, event: EventEnvelope): string {
  const key: unknown = routing.keyFor?.(event);
  if (key === undefined) return event.streamId;
  if (typeof key !== 'string' || key.length === 0 || key.length > maxKeyLength) {
    throw new InvalidArgumentError(
      'outbox.keyFor',
      `must return undefined or a key of 1 to ${maxKeyLength} characters, got ${JSON.stringify(key)} for ${event.type}`,
    );
  }
  return key;
}
