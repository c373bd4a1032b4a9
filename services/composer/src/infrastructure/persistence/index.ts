/** The composer's storage: its event store, the composition repository and the ledger. */
export {
  type ComposerPersistence,
  type ComposerPersistenceOptions,
  composerLedgerSchema,
  composerRequestsSchema,
  composerStoreSchema,
  createComposerPersistence,
} from './composer-persistence.js';
export { EventStoreCompositionRepository } from './event-store-composition-repository.js';
export { foldComposition } from './fold-composition.js';
export { PostgresLedgerPort } from './postgres-ledger-port.js';
export { composerOutboxRouting, composerTopic } from './outbox-routing.js';
