import { structuredLogger } from '@tessera/api-kit/server';
import {
  type OutboxRelay,
  type ProjectionSupervision,
  runOutboxRelay,
  superviseProjection,
} from '@tessera/event-store';
import {
  createKafkaTransport,
  type KafkaTransport,
  type Logger,
  type Subscription,
} from '@tessera/event-transport';
import { subscribeToHostFacts } from '../api/events/host-facts-consumer.js';
import type { SourceDeps } from '../application/register-source/register-source.handler.js';
import type { RedfishReader } from '../application/ports/redfish-reader.js';
import { syncSource } from '../application/sync-source/sync-source.handler.js';
import { SourceSyncLoop } from '../infrastructure/discovery/source-sync-loop.js';
import type { InventoryPersistence } from '../infrastructure/persistence/inventory-persistence.js';
import { inventoryViewsSchema } from '../infrastructure/persistence/inventory-storage.js';
import type { InventoryConfig } from './inventory-config.js';

/** How often the sync loop looks for sources whose interval has passed. */
const syncTickMs = 5_000;
/** A whole Redfish sync (crawl and reconcile) taking longer is aborted. */
const syncTimeoutMs = 120_000;

export interface DiscoveryDeps extends SourceDeps {
  readonly redfish: RedfishReader;
}

/**
 * What runs beside the gRPC server: the live projections; the Redfish sync loop (unless
 * INVENTORY_SYNC_ENABLED=false); and, with Kafka, the outbox relay and the consumer of host
 * agents' reports.
 */
export interface BackgroundWork {
  /** Stops the relay, then the projections; the pool they use stays open. */
  stop(): Promise<void>;
}

/**
 * Keeps every read model up to date with the log, and publishes the outbox to Kafka when
 * brokers are configured (without them events stay in the store, where queries and WatchChanges
 * read them, and the outbox keeps them until a relay publishes them).
 */
export async function startBackgroundWork(
  config: InventoryConfig,
  persistence: InventoryPersistence,
  discovery: DiscoveryDeps,
): Promise<BackgroundWork> {
  const logger = structuredLogger('InventoryBackground');
  const projections: ProjectionSupervision[] = [];
  for (const projection of persistence.projections) {
    projections.push(
      await superviseProjection(persistence.store, projection, logger, { batchSize: 1_000 }),
    );
  }
  const syncLoop = config.syncEnabled
    ? startSyncLoop(config, persistence, discovery, logger)
    : undefined;
  let transport: KafkaTransport | undefined;
  let relay: OutboxRelay | undefined;
  let hostFacts: Subscription | undefined;
  if (config.kafkaBrokers !== undefined) {
    transport = createKafkaTransport({
      brokers: config.kafkaBrokers,
      clientId: 'tessera-inventory',
      logger,
    });
    relay = runOutboxRelay({
      connectionString: config.databaseUrl,
      schema: persistence.store.schema,
      transport,
      logger,
    });
    hostFacts = await subscribeToHostFacts(transport, persistence);
  }
  return {
    stop: async () => {
      await syncLoop?.stop();
      await hostFacts?.stop();
      await relay?.stop();
      await Promise.all(projections.map((projection) => projection.stop()));
      await transport?.close();
      await persistence.store.close();
    },
  };
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
