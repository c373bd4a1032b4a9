import { compositionUpcasters } from '@tessera/composer-domain';
import { createEventStore, defineUpcasters, type EventStore } from '@tessera/event-store';
import { migrate } from '@tessera/postgres';
import type pg from 'pg';
import type { CompositionRepository } from '../../application/ports/composition-repository.js';
import { AllocationLedger } from '../ledger/index.js';
import { EventStoreCompositionRepository } from './event-store-composition-repository.js';
import { IdempotencyKeys, idempotencyKeyMigrations } from './idempotency-keys.js';
import { composerOutboxRouting } from './outbox-routing.js';

/** The composer's event store schema and the topic its events are published on. */
export const composerStoreSchema = 'composer';
export const composerLedgerSchema = 'composer_ledger';
/** Request bookkeeping (idempotency keys); apart from the store, whose schema it migrates. */
export const composerRequestsSchema = 'composer_requests';

export interface ComposerPersistence {
  /** The pool everything here uses; the caller created it and ends it. */
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly compositions: CompositionRepository;
  readonly ledger: AllocationLedger;
  /** Creates or upgrades the store's, the ledger's and the requests' tables. */
  migrate(): Promise<void>;
}

export interface ComposerPersistenceOptions {
  readonly pool: pg.Pool;
}

/** The composer's event store (publishing every event on the composer topic) and its ledger. */
export function createComposerPersistence(
  options: ComposerPersistenceOptions,
): ComposerPersistence {
  const store = createEventStore({
    pool: options.pool,
    schema: composerStoreSchema,
    outbox: composerOutboxRouting,
    upcasters: defineUpcasters(compositionUpcasters),
  });
  const ledger = new AllocationLedger({ pool: options.pool, schema: composerLedgerSchema });
  const keys = new IdempotencyKeys(composerRequestsSchema);
  return {
    pool: options.pool,
    store,
    compositions: new EventStoreCompositionRepository(store, ledger, keys),
    ledger,
    migrate: async () => {
      await store.migrate();
      await ledger.migrate();
      await migrate(options.pool, composerRequestsSchema, idempotencyKeyMigrations);
    },
  };
}
