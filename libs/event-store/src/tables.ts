import { createHash } from 'node:crypto';
import { quoteIdentifier } from '@tessera/postgres';

/** Schema-qualified, quoted names of the store's tables in one schema. */
export interface StoreTables {
  readonly schema: string;
  readonly streams: string;
  readonly events: string;
  readonly outbox: string;
  readonly checkpoints: string;
  readonly processedMessages: string;
  /** NOTIFY channel that appends signal on commit; subscriptions and the relay listen on it. */
  readonly channel: string;
}

export function storeTables(schema: string): StoreTables {
  const quoted = quoteIdentifier(schema);
  return {
    schema,
    streams: `${quoted}.streams`,
    events: `${quoted}.events`,
    outbox: `${quoted}.outbox`,
    checkpoints: `${quoted}.subscription_checkpoints`,
    processedMessages: `${quoted}.processed_messages`,
    channel: notificationChannel(schema),
  };
}

const maxChannelLength = 63;

/**
 * `tessera_events_<schema>`, or a hash of the schema when that would pass Postgres' 63-byte
 * limit for channel names (a longer name is an error in pg_notify).
 */
export function notificationChannel(schema: string): string {
  const readable = `tessera_events_${schema}`;
  if (readable.length <= maxChannelLength) return readable;
  return `tessera_events_${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}
