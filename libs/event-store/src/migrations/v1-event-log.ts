import type { Migration } from '@tessera/postgres';

/**
 * Streams and their events. `streams` holds one row per stream: appends lock it, check the
 * expected version and bump it, so concurrent appends to one stream serialize and exactly one
 * wins; UNIQUE (stream_id, stream_version) is the backstop. `last_transaction_id` lets an append
 * refuse to write a stream after a transaction that started later than its own (see append.ts).
 * Events are stamped with their transaction id (xid8) and a sequence position, and read in
 * (transaction_id, position) order below the oldest running transaction (commit-safe order).
 */
export const eventLogMigration: Migration = {
  version: 1,
  name: 'event-log',
  sql: `
CREATE TABLE streams (
  stream_id text PRIMARY KEY,
  version bigint NOT NULL CHECK (version >= 1),
  last_transaction_id xid8 NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL REFERENCES streams (stream_id),
  stream_version bigint NOT NULL CHECK (stream_version >= 1),
  type text NOT NULL,
  schema_version integer NOT NULL CHECK (schema_version >= 1),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  correlation_id text NOT NULL,
  causation_id text,
  actor text NOT NULL,
  tenant text,
  recorded_at timestamptz NOT NULL DEFAULT statement_timestamp(),
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
);

CREATE INDEX events_log_order ON events (transaction_id, position);

COMMENT ON TABLE events IS
  'Append-only event log. Rows are never updated or deleted; old payload versions are upcast on read.';
`,
};
