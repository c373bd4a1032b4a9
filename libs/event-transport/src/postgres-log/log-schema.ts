import { type Migration, quoteIdentifier } from '@tessera/postgres';

export const defaultLogSchema = 'tessera_log';

/**
 * The log's tables. `messages` is one commit-safe log for every topic (read by
 * `(transaction_id, position)` below the snapshot's xmin, see `commitSafeAfter`);
 * `consumer_offsets` holds each group's place in each topic.
 */
export const logMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'messages and consumer offsets',
    sql: `
      CREATE SEQUENCE message_positions AS bigint;
      CREATE TABLE messages (
        position bigint PRIMARY KEY DEFAULT nextval('message_positions'),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        topic text NOT NULL,
        key text NOT NULL,
        envelope jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER SEQUENCE message_positions OWNED BY messages.position;
      CREATE INDEX messages_topic_in_commit_order ON messages (topic, transaction_id, position);
      CREATE TABLE consumer_offsets (
        consumer_group text NOT NULL,
        topic text NOT NULL,
        transaction_id xid8 NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, topic)
      );
    `,
  },
];

/** Qualified names of the log's tables and its notification channel, for one schema. */
export interface LogTables {
  readonly schema: string;
  readonly messages: string;
  readonly offsets: string;
  /** Published to (payload: the topic) whenever messages commit. */
  readonly channel: string;
}

export function logTables(schema: string): LogTables {
  const quoted = quoteIdentifier(schema);
  return {
    schema,
    messages: `${quoted}.messages`,
    offsets: `${quoted}.consumer_offsets`,
    channel: `${schema.slice(0, 54)}_messages`,
  };
}
