/**
 * @tessera/composer: the composer service (issue 11, in progress): the compose use cases
 * (request, schedule and reserve in one transaction, preview, reserve and apply by reservation
 * id), the attach saga (intents out, observations in, deadlines, rollback and reschedules), their
 * persistence, and the allocation ledger (services/composer/docs/composer.md). The process entry
 * point is `src/main.ts`; `startComposerService` and `loadComposerConfig` run the same service
 * inside another process (the standalone mode).
 */
export * from './application/index.js';
export * from './application/attach/index.js';
export * from './application/reserve/index.js';
export * from './infrastructure/attach/index.js';
export * from './infrastructure/ledger/index.js';
export * from './infrastructure/persistence/index.js';
export * from './infrastructure/reservations/index.js';
export * from './application/queries/index.js';
export * from './infrastructure/views/index.js';
export * from './application/lifecycle/index.js';
export * from './application/heal/index.js';
export * from './infrastructure/recovery/index.js';
export * from './application/templates/index.js';
export * from './application/capacity/index.js';
export * from './infrastructure/templates/index.js';
export * from './application/leases/index.js';
export * from './application/quotas/index.js';
export * from './infrastructure/leases/index.js';
export * from './infrastructure/quotas/index.js';
export * from './application/pool/index.js';
export * from './infrastructure/pool/index.js';
export {
  startComposerService,
  type ComposerServiceOptions,
  type RunningComposerService,
} from './app/composer-app.js';
export { defaultOwnerId, loadComposerConfig, type ComposerConfig } from './app/composer-config.js';
