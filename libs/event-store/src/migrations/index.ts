import { migrate, type Migration, type MigrationResult } from '@tessera/postgres';
import type pg from 'pg';
import { eventLogMigration } from './v1-event-log.js';
import { outboxMigration } from './v2-outbox.js';
import { subscriptionCheckpointsMigration } from './v3-subscription-checkpoints.js';
import { processedMessagesMigration } from './v4-processed-messages.js';
import { outboxReferencesEventsMigration } from './v5-outbox-references-events.js';

/** The event store's tables, in order. Applied migrations are never edited: add a new version. */
export const eventStoreMigrations: readonly Migration[] = [
  eventLogMigration,
  outboxMigration,
  subscriptionCheckpointsMigration,
  processedMessagesMigration,
  outboxReferencesEventsMigration,
];

/** Creates or upgrades the event store's tables in `schema` (idempotent, safe to run concurrently). */
export function migrateEventStore(pool: pg.Pool, schema: string): Promise<MigrationResult> {
  return migrate(pool, schema, eventStoreMigrations);
}
