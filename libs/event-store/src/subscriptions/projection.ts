import type { EventEnvelope } from '@tessera/event-transport';
import { logStart, withTransaction, type LogPosition } from '@tessera/postgres';
import type pg from 'pg';
import { InvalidArgumentError } from '../errors.js';
import { nextPosition, readLogRows, upcastRow, validateLimit } from '../read.js';
import { lockSubscription, saveCheckpoint } from './checkpoints.js';
import {
  startLogSubscription,
  type LogSubscription,
  type LogSubscriptionOptions,
  type SubscriptionDeps,
} from './log-subscription.js';

/**
 * A read model kept in Postgres tables (created by the owning service's migrations). Every event
 * of the log reaches it once, in commit-safe order, inside the transaction that advances the
 * projection's checkpoint; it ignores the types it does not care about.
 */
export interface Projection {
  /** Names the checkpoint (`projection:<name>`); keep it stable. */
  readonly name: string;
  /** Empties the projection's tables (TRUNCATE or DELETE), ready for a replay. */
  reset(client: pg.PoolClient): Promise<void>;
  /** Applies one event; used for every event unless `applyBatch` is given. */
  apply(event: EventEnvelope, client: pg.PoolClient): Promise<void>;
  /**
   * Optional: applies a whole batch as read from the log (in log order, never empty, at most
   * the run's or rebuild's `batchSize` events), for set-based writes (one statement per batch
   * instead of one per event). When present it is called instead of `apply`, live and in
   * rebuilds, and must leave the tables exactly as `apply` called on each event in turn would:
   * a batch may hold several events of one stream, and where batches split is not stable.
   */
  applyBatch?(events: readonly EventEnvelope[], client: pg.PoolClient): Promise<void>;
}

export type ProjectionRunOptions = Omit<LogSubscriptionOptions, 'name' | 'handle'>;

export interface RebuildOptions {
  /** Events read per query during the replay (default 1000). */
  readonly batchSize?: number;
}

export interface RebuildResult {
  readonly replayedEvents: number;
  /** The checkpoint the live projection continues from: the end of the log at rebuild time. */
  readonly position: LogPosition;
}

export function projectionCheckpointName(projection: Pick<Projection, 'name'>): string {
  if (typeof projection.name !== 'string' || projection.name.length === 0) {
    throw new InvalidArgumentError('projection.name', 'must be a non-empty string');
  }
  return `projection:${projection.name}`;
}

/** Keeps the projection up to date with the log, through a subscription named after it. */
export function runProjection(
  deps: SubscriptionDeps,
  projection: Projection,
  options: ProjectionRunOptions = {},
): Promise<LogSubscription> {
  return startLogSubscription(deps, {
    ...options,
    name: projectionCheckpointName(projection),
    handle: (events, client) => applyEvents(projection, events, client),
  });
}

/** One batch read from the log: to `applyBatch` when the projection has it, else event by event. */
async function applyEvents(
  projection: Projection,
  events: readonly EventEnvelope[],
  client: pg.PoolClient,
): Promise<void> {
  if (projection.applyBatch) {
    await projection.applyBatch(events, client);
    return;
  }
  for (const event of events) {
    await projection.apply(event, client);
  }
}

/**
 * Empties the projection and replays the whole log into it in ONE transaction, which ends by
 * setting the projection's checkpoint to the end of the log: readers see the old tables until the
 * new ones commit, and the live projection (which skips its rounds while the rebuild holds its lock)
 * continues exactly where the replay stopped. A long replay holds a transaction id, which holds
 * back every commit-safe reader of this database until it commits: rebuild large logs off-peak.
 */
export async function rebuildProjection(
  deps: Pick<SubscriptionDeps, 'pool' | 'tables' | 'upcasters'>,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const name = projectionCheckpointName(projection);
  const batchSize = validateLimit(options.batchSize, 'batchSize', 1000);
  return withTransaction(deps.pool, async (client) => {
    await lockSubscription(client, deps.tables, name);
    await projection.reset(client);
    let after: LogPosition = logStart;
    let replayedEvents = 0;
    for (;;) {
      const rows = await readLogRows(client, deps.tables, after, batchSize);
      if (rows.length === 0) break;
      await applyEvents(
        projection,
        rows.map((row) => upcastRow(deps.upcasters, row)),
        client,
      );
      replayedEvents += rows.length;
      after = nextPosition(rows, after);
    }
    await saveCheckpoint(client, deps.tables, name, after);
    return { replayedEvents, position: after };
  });
}
