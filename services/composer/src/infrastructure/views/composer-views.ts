import type { EventStore, Projection } from '@tessera/event-store';
import { migrate } from '@tessera/postgres';
import type pg from 'pg';
import type { CompositionReadModel } from '../../application/queries/index.js';
import { compositionsProjection } from './compositions-projection.js';
import { PostgresCompositionReadModel } from './postgres-composition-read-model.js';
import { ReadYourWritesCompositions } from './read-your-writes-compositions.js';
import { composerViewsSchema, viewMigrations } from './view-migrations.js';

export interface ComposerViews {
  /** The projections to run live (and to rebuild from the log). */
  readonly projections: readonly Projection[];
  readonly readModel: CompositionReadModel;
  /** Creates or upgrades the views' tables. */
  migrate(): Promise<void>;
}

export interface ComposerViewsOptions {
  readonly pool: pg.Pool;
  /** Default `composer_views`. */
  readonly schema?: string;
  /**
   * The composer's store: a composition the projection does not show yet is read from its
   * stream (`ReadYourWritesCompositions`). Without it, the projection alone answers.
   */
  readonly store?: EventStore;
}

/** The composer's read models in their own schema, built from the composer's events. */
export function createComposerViews(options: ComposerViewsOptions): ComposerViews {
  const schema = options.schema ?? composerViewsSchema;
  return {
    projections: [compositionsProjection(schema)],
    readModel: readModelOf(options, schema),
    migrate: async () => {
      await migrate(options.pool, schema, viewMigrations);
    },
  };
}

function readModelOf(options: ComposerViewsOptions, schema: string): CompositionReadModel {
  const projected = new PostgresCompositionReadModel(options.pool, schema);
  return options.store === undefined
    ? projected
    : new ReadYourWritesCompositions(projected, options.store);
}

/** Empties every view and replays the whole log into it (see `EventStore.rebuildProjection`). */
export async function rebuildComposerViews(store: EventStore, views: ComposerViews): Promise<void> {
  for (const projection of views.projections) await store.rebuildProjection(projection);
}
