import type { Migration } from '@tessera/postgres';

/**
 * "Event X was processed by consumer C", written in the same transaction as the consumer's
 * effects: a redelivered event finds its row and is skipped.
 */
export const processedMessagesMigration: Migration = {
  version: 4,
  name: 'processed-messages',
  sql: `
CREATE TABLE processed_messages (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
`,
};
