import { migrate, type Migration } from '@tessera/postgres';
import type pg from 'pg';

/** The gateway's own schema: nothing else reads it. */
export const gatewaySchema = 'gateway';

/**
 * API tokens are stored as the SHA-256 of their secret, never the secret itself; a revoked
 * token keeps its row (who revoked it, when) and frees its name. The audit log records every
 * command the gateway answered, allowed or refused; it is read like every log in Tessera, by
 * (transaction id, position) and only below the oldest running transaction, so that a reader
 * paging through it never skips an entry committed late (docs/architecture.md). Reservations
 * remember the tenant a reservation was made for, which the composer's ApplyReservation does not
 * say, so that only that tenant's operators can apply it. The feed holds the services' events
 * for the event stream, each with the tenant it belongs to (learned from the first event of its
 * stream when the envelope does not say) or marked shared (hardware, templates), read like the
 * audit log. An event neither shared nor of a known tenant is shown only to callers of every
 * tenant.
 */
export const gatewayMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'api tokens and audit log',
    sql: `
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        secret_sha256 bytea NOT NULL UNIQUE,
        grants text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        revoked_by text
      );
      CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;

      CREATE TABLE audit_log (
        position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        tenant text NOT NULL,
        action text NOT NULL,
        resource text NOT NULL,
        outcome integer NOT NULL,
        correlation_id text NOT NULL
      );
      CREATE INDEX audit_log_order ON audit_log (transaction_id, position);

      CREATE TABLE reservations (
        reservation_id text PRIMARY KEY,
        tenant text NOT NULL,
        expires_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'event feed',
    sql: `
      CREATE TABLE feed (
        position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        type text NOT NULL,
        kind text NOT NULL,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        tenant text,
        shared boolean NOT NULL,
        actor text NOT NULL,
        recorded_at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX feed_order ON feed (transaction_id, position);

      CREATE TABLE stream_tenants (
        stream_id text PRIMARY KEY,
        tenant text NOT NULL
      );
    `,
  },
];

export async function migrateGateway(pool: pg.Pool): Promise<void> {
  await migrate(pool, gatewaySchema, gatewayMigrations);
}
