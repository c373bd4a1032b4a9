import type { Migration } from '@tessera/postgres';

/**
 * Outbox rows reference their event instead of carrying a copy of its envelope: an append writes
 * (position, event_id, topic, message_key) in the statement that inserts the events, and the
 * relay builds each envelope from the events row at that position when it publishes.
 *
 * Rows written before this version reference their event the same way (written in its
 * transaction, at its position), and the envelope they copied equals the one the relay builds
 * from the event, so dropping the copy loses nothing. The drop locks the table first; then the
 * migration refuses (and changes nothing) if any row's event is missing.
 *
 * Code of an earlier version fails against this table instead of publishing wrongly: its appends
 * with outbox rows name the dropped column and roll back, and its relay fails and keeps the rows.
 * A nullable column would have let such a relay publish messages without an envelope.
 */
export const outboxReferencesEventsMigration: Migration = {
  version: 5,
  name: 'outbox-references-events',
  sql: `
ALTER TABLE outbox DROP COLUMN envelope;

DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM outbox o
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.position = o.position AND e.id = o.event_id)
  ) THEN
    RAISE EXCEPTION 'an outbox row references no stored event: its envelope would be lost';
  END IF;
END $$;
`,
};
