import { type Migration } from '@tessera/postgres';

/**
 * The lease table the lease scheduler job reads (what is due when). Each row is written in the
 * transaction that appends the lease's events, so it never disagrees with them; it can be
 * rebuilt from the `lease-<id>` streams (but for the idempotency keys of migration 2). The devices held for a lease live in the ledger
 * (`composer_ledger.lease_holds`), next to the allocations their guard protects.
 */
/** The unique index of lease idempotency keys: a second lease under a key violates it. */
export const leaseKeyIndex = 'leases_by_idempotency_key';

export const leaseMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'leases',
    sql: `
      CREATE TABLE leases (
        lease_id text PRIMARY KEY,
        tenant text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        warned boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        CONSTRAINT leases_window CHECK (ends_at > starts_at)
      );
      CREATE INDEX leases_admitted_by_start ON leases (starts_at) WHERE status = 'admitted';
      CREATE INDEX leases_started_by_end ON leases (ends_at) WHERE status = 'started';
      CREATE INDEX leases_by_tenant ON leases (tenant, starts_at);
    `,
  },
  {
    // The idempotency key a lease was requested with, and a hash of the request
    // (`leaseRequestFingerprint`): the same key answers the same lease. Not in the lease's events
    // (their contract has no field for it), so a rebuild from the streams loses the keys.
    version: 2,
    name: 'lease idempotency keys',
    sql: `
      ALTER TABLE leases ADD COLUMN idempotency_key text, ADD COLUMN request_hash text;
      CREATE UNIQUE INDEX ${leaseKeyIndex} ON leases (idempotency_key)
        WHERE idempotency_key IS NOT NULL;
    `,
  },
];
