/** The composer's read models (schema composer_views): projections of its events. */
export {
  type ComposerViews,
  type ComposerViewsOptions,
  createComposerViews,
  rebuildComposerViews,
} from './composer-views.js';
export { compositionsProjection, compositionsProjectionName } from './compositions-projection.js';
export { PostgresCompositionReadModel } from './postgres-composition-read-model.js';
export { composerViewsSchema, viewMigrations } from './view-migrations.js';
