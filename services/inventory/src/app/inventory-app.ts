import type { INestMicroservice, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { GrpcOptions } from '@nestjs/microservices';
import { findFreePort, servicePool, structuredLogger } from '@tessera/api-kit/server';
import { notificationChannel } from '@tessera/event-store';
import type { Logger } from '@tessera/event-transport';
import type { RedfishReader } from '../application/ports/redfish-reader.js';
import { EventStoreSourceRepository } from '../infrastructure/persistence/event-store-source-repository.js';
import {
  createInventoryPersistence,
  type InventoryPersistence,
} from '../infrastructure/persistence/inventory-persistence.js';
import { inventoryViewsSchema } from '../infrastructure/persistence/inventory-storage.js';
import { PostgresSourceCredentials } from '../infrastructure/persistence/postgres-source-credentials.js';
import { LogFollower } from '../infrastructure/watch/log-follower.js';
import { HttpRedfishReader } from '../infrastructure/discovery/http-redfish-reader.js';
import { type BackgroundWork, startBackgroundWork } from './background-work.js';
import { InventoryHealth, inventoryGrpcOptions } from './grpc-transport.js';
import type { InventoryConfig } from './inventory-config.js';
import { InventoryModule } from './inventory.module.js';

export interface RunningInventoryService {
  /** `host:port` the gRPC server listens on. */
  readonly grpcUrl: string;
  /** Stops serving (health NOT_SERVING, watches ended, calls in flight finished), then frees all. */
  close(): Promise<void>;
}

export interface InventoryServiceOptions {
  /** Nest's log levels; default error, warn and log. */
  readonly logLevels?: LogLevel[];
  /** Replaces the Redfish crawler that SyncSource uses (tests point it at fixtures). */
  readonly redfish?: RedfishReader;
}

/** How long one Redfish request (headers and body) may take before the sync fails. */
const redfishRequestTimeoutMs = 10_000;

/**
 * Starts the inventory service: migrates its schemas, starts its background work (projections,
 * the Redfish sync loop, the outbox relay and the host-report consumer on Kafka or, without
 * brokers, on the Postgres log in its own database), then
 * serves InventoryService, server reflection and the health service on `grpcHost:grpcPort` (a
 * free port for 0).
 */
export async function startInventoryService(
  config: InventoryConfig,
  options: InventoryServiceOptions = {},
): Promise<RunningInventoryService> {
  const logger = structuredLogger('InventoryService');
  const pool = servicePool(config.databaseUrl, 'inventory', logger);
  const persistence = createInventoryPersistence({ pool });
  let background: BackgroundWork | undefined;
  let follower: LogFollower | undefined;
  let app: INestMicroservice | undefined;
  try {
    await persistence.migrate();
    const discovery = {
      sources: new EventStoreSourceRepository(persistence.store),
      credentials: new PostgresSourceCredentials(pool, inventoryViewsSchema),
      redfish: options.redfish ?? new HttpRedfishReader({ timeoutMs: redfishRequestTimeoutMs }),
    };
    background = await startBackgroundWork(config, persistence, discovery);
    follower = await startLogFollower(config, persistence, logger);
    const port = config.grpcPort === 0 ? await findFreePort(config.grpcHost) : config.grpcPort;
    const grpcUrl = `${config.grpcHost}:${port}`;
    const health = new InventoryHealth();
    const microserviceOptions: GrpcOptions & { logger: LogLevel[]; abortOnError: boolean } = {
      ...inventoryGrpcOptions(grpcUrl, health),
      logger: options.logLevels ?? ['error', 'warn', 'log'],
      abortOnError: false,
    };
    app = await NestFactory.createMicroservice(
      InventoryModule.register({
        pool,
        persistence,
        ...discovery,
        follower,
        background,
      }),
      // Nest declares its options as a class but reads them as a plain object.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      microserviceOptions,
    );
    await app.listen();
    const [running, watches] = [app, follower];
    let closing: Promise<void> | undefined;
    return {
      grpcUrl,
      close: () =>
        (closing ??= (async () => {
          health.notServing();
          await watches.close();
          await running.close();
        })()),
    };
  } catch (error) {
    if (app !== undefined) {
      await app.close();
    } else {
      await follower?.close();
      await background?.stop();
      await persistence.store.close();
      await pool.end();
    }
    throw error;
  }
}

/** Follows the log for WatchChanges, woken by the store's append notifications. */
function startLogFollower(
  config: InventoryConfig,
  persistence: InventoryPersistence,
  logger: Logger,
): Promise<LogFollower> {
  return LogFollower.start({
    store: persistence.store,
    notifications: {
      connectionString: config.databaseUrl,
      channel: notificationChannel(persistence.store.schema),
      onError: (error) => {
        logger.warn('WatchChanges lost its notification connection', { error: error.message });
      },
    },
  });
}
