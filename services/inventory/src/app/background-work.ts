import { structuredLogger } from '@tessera/api-kit/server';
import {
  type OutboxRelay,
  type ProjectionSupervision,
  runOutboxRelay,
  superviseProjection,
} from '@tessera/event-store';
import type { EventTransport, Logger, Subscription } from '@tessera/event-transport';
import { subscribeToHostFacts } from '../api/events/host-facts-consumer.js';
import type { SourceDeps } from '../application/register-source/register-source.handler.js';
import type { RedfishReader } from '../application/ports/redfish-reader.js';
import { syncSource } from '../application/sync-source/sync-source.handler.js';
import { SourceSyncLoop } from '../infrastructure/discovery/source-sync-loop.js';
import type { InventoryPersistence } from '../infrastructure/persistence/inventory-persistence.js';
import { inventoryViewsSchema } from '../infrastructure/persistence/inventory-storage.js';
import type { InventoryConfig } from './inventory-config.js';
import { openServiceTransport } from './service-transport.js';

/** How often the sync loop looks for sources whose interval has passed. */
const syncTickMs = 5_000;
/** A whole Redfish sync (crawl and reconcile) taking longer is aborted. */
const syncTimeoutMs = 120_000;

export interface DiscoveryDeps extends SourceDeps {
  readonly redfish: RedfishReader;
}

/**
 * What runs beside the gRPC server: the live projections; the Redfish sync loop (unless
 * INVENTORY_SYNC_ENABLED=false); the outbox relay and the consumer of host agents' reports, on
 * Kafka when brokers are configured and on the Postgres log in the service's database otherwise.
 */
export interface BackgroundWork {
  /** Stops all of it, the last started first; the pool it uses stays open. */
  stop(): Promise<void>;
}

/**
 * Keeps every read model up to date with the log and publishes the outbox on the service's
 * transport (services/inventory/docs/inventory.md, "Running it"). Without Kafka the events go to
 * the Postgres log of the same database, where the composer of a standalone process reads them.
 */
export async function startBackgroundWork(
  config: InventoryConfig,
  persistence: InventoryPersistence,
  discovery: DiscoveryDeps,
): Promise<BackgroundWork> {
  const logger = structuredLogger('InventoryBackground');
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop();
    await persistence.store.close();
  };
  try {
    const projections: ProjectionSupervision[] = [];
    stops.push(() => Promise.all(projections.map((projection) => projection.stop())).then());
    for (const projection of persistence.projections) {
      projections.push(
        await superviseProjection(persistence.store, projection, logger, { batchSize: 1_000 }),
      );
    }
    const transport: EventTransport = await openServiceTransport(config, persistence.pool, logger);
    stops.push(() => transport.close());
    const relay: OutboxRelay = runOutboxRelay({
      connectionString: config.databaseUrl,
      schema: persistence.store.schema,
      transport,
      logger,
    });
    stops.push(() => relay.stop());
    const hostFacts: Subscription = await subscribeToHostFacts(transport, persistence);
    stops.push(() => hostFacts.stop());
    if (config.syncEnabled) {
      const syncLoop = startSyncLoop(config, persistence, discovery, logger);
      stops.push(() => syncLoop.stop());
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}

function startSyncLoop(
  config: InventoryConfig,
  persistence: InventoryPersistence,
  discovery: DiscoveryDeps,
  logger: Logger,
): SourceSyncLoop {
  const loop = new SourceSyncLoop({
    pool: persistence.pool,
    viewsSchema: inventoryViewsSchema,
    tickMs: syncTickMs,
    syncTimeoutMs,
    sync: (id, correlationId, signal) =>
      syncSource(
        { ...persistence, ...discovery },
        { id, signal },
        { correlationId, actor: 'system' },
      ),
    onError: (error, sourceId) => {
      logger.error('a Redfish sync failed', {
        source: sourceId,
        error: error instanceof Error ? error.message : String(error),
      });
    },
  });
  loop.start();
  return loop;
}
