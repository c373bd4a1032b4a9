import type { EventEnvelope } from '@tessera/event-transport';
import { InvalidArgumentError } from '../errors.js';
import type { StoreTables } from '../tables.js';

/**
 * An appended event's envelope before its insert: everything but `position` and `recordedAt`,
 * which the database assigns as it stores the event. `data` is the appended object after a JSON
 * round trip.
 */
export type EnvelopeBeforeInsert = Omit<EventEnvelope, 'position' | 'recordedAt'>;

/**
 * Which appended events the outbox publishes, and where. Both functions are called before the
 * events are inserted (the outbox rows are written by the same statement), so they see the
 * envelope without `position` and `recordedAt`. Keep them pure: they may also run for an append
 * that then writes nothing (a conflict, or a retry of an append stored already).
 */
export interface OutboxRouting {
  /**
   * The topic to publish `event` to (versioned, e.g. `tessera.composer.events.v1`), or null to
   * keep the event private to the service.
   */
  topicFor(event: EnvelopeBeforeInsert): string | null;
  /**
   * The message key of `event` on its topic, or undefined for the stream id (the default).
   * Events with the same key stay in order; key by something other than the aggregate (a host
   * id, say) when the consumers' ordering unit is that.
   */
  keyFor?(event: EnvelopeBeforeInsert): string | undefined;
}

/** The outbox rows of an append's events, as three parallel arrays (statement parameters). */
export interface OutboxRows {
  readonly eventIds: readonly string[];
  readonly topics: readonly string[];
  readonly keys: readonly string[];
}

/** What an events insert adds to write its outbox rows: a CTE and the parameters it reads. */
export interface OutboxInsert {
  /** Empty, or `, outboxed AS (INSERT …)` to follow the insert's CTE. */
  readonly cte: string;
  readonly parameters: readonly (readonly string[])[];
}

const maxTopicLength = 249;
const maxKeyLength = 1_000;

/**
 * Decides the outbox row of every event that has a topic, keyed by `routing.keyFor` or by the
 * stream id (which keeps each aggregate's events in order on the topic). Throws
 * `InvalidArgumentError`, before anything is written, when the routing returns a bad topic or key.
 */
export function routeToOutbox(
  routing: OutboxRouting | undefined,
  events: readonly EnvelopeBeforeInsert[],
): OutboxRows {
  const eventIds: string[] = [];
  const topics: string[] = [];
  const keys: string[] = [];
  if (!routing) return { eventIds, topics, keys };
  for (const event of events) {
    const topic = topicOf(routing, event);
    if (topic === null) continue;
    eventIds.push(event.id);
    topics.push(topic);
    keys.push(keyOf(routing, event));
  }
  return { eventIds, topics, keys };
}

/**
 * The data-modifying CTE that writes `rows` into the outbox in the statement that inserts their
 * events, so the events and the promise to publish them commit together in one round trip. It
 * reads the CTE `inserted`, which must return the inserted events' `id` and `position`; the row
 * references its event (position, event id) and the relay builds the envelope from the events
 * table. `firstParameter` is the number of the statement's parameter that holds the event ids.
 */
export function outboxInsert(
  tables: StoreTables,
  rows: OutboxRows,
  firstParameter: number,
): OutboxInsert {
  if (rows.eventIds.length === 0) return { cte: '', parameters: [] };
  const parameter = (offset: number): string => `$${firstParameter + offset}`;
  return {
    cte: `, outboxed AS (
       INSERT INTO ${tables.outbox} (position, event_id, topic, message_key)
       SELECT i.position, i.id, r.topic, r.message_key
         FROM inserted i
         JOIN unnest(${parameter(0)}::uuid[], ${parameter(1)}::text[], ${parameter(2)}::text[])
              AS r(event_id, topic, message_key)
           ON r.event_id = i.id
     )`,
    parameters: [rows.eventIds, rows.topics, rows.keys],
  };
}

function topicOf(routing: OutboxRouting, event: EnvelopeBeforeInsert): string | null {
  const topic: unknown = routing.topicFor(event);
  if (topic === null) return null;
  if (typeof topic !== 'string' || topic.length === 0 || topic.length > maxTopicLength) {
    throw new InvalidArgumentError(
      'outbox.topicFor',
      `must return null or a topic name of 1 to ${maxTopicLength} characters, got ${JSON.stringify(topic)} for ${event.type}`,
    );
  }
  return topic;
}

function keyOf(routing: OutboxRouting, event: EnvelopeBeforeInsert): string {
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
