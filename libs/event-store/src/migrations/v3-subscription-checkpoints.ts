import type { Migration } from '@tessera/postgres';

/**
 * Where each subscription (and each live projection) has read up to. A subscription updates its
 * row in the same transaction as its handler's writes.
 */
export const subscriptionCheckpointsMigration: Migration = {
  version: 3,
  name: 'subscription-checkpoints',
  sql: `
CREATE TABLE subscription_checkpoints (
  name text PRIMARY KEY,
  transaction_id xid8 NOT NULL,
  position bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
};
