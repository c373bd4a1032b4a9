import type { Migration } from '@tessera/postgres';

/**
 * Transactional outbox: appends write a row per published event in the same transaction; the
 * relay publishes rows in (transaction_id, position) order and deletes them once the transport
 * accepted them. `position` is the event's log position.
 */
export const outboxMigration: Migration = {
  version: 2,
  name: 'outbox',
  sql: `
CREATE TABLE outbox (
  position bigint PRIMARY KEY,
  event_id uuid NOT NULL,
  topic text NOT NULL,
  message_key text NOT NULL,
  envelope jsonb NOT NULL,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_log_order ON outbox (transaction_id, position);
`,
};
