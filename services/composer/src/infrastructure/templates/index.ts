/** Templates' storage: event streams in the composer's store plus a listing table. */
export { EventStoreTemplateRepository } from './event-store-template-repository.js';
export { composerTemplatesSchema, templateListingMigrations } from './template-listing.js';
