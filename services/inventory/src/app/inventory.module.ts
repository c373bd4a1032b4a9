import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GrpcErrorFilter } from '@tessera/api-kit/server';
import type pg from 'pg';
import {
  type InventoryReadModel,
  inventoryReadModelToken,
} from '../application/ports/inventory-read-model.js';
import { itemRepositoryToken } from '../application/ports/item-repository.js';
import type { RedfishReader } from '../application/ports/redfish-reader.js';
import { sourceItemsToken } from '../application/ports/source-items.js';
import type {
  SourceCredentials,
  SourceRepository,
} from '../application/ports/source-repository.js';
import { InventoryQueries } from '../application/queries/inventory-queries.js';
import { DiscoveryController } from '../api/grpc/discovery.controller.js';
import { inventoryErrorMapping } from '../api/grpc/grpc-failure.js';
import {
  redfishReaderToken,
  sourceCredentialsToken,
  sourceRepositoryToken,
} from '../api/grpc/grpc-tokens.js';
import { InventoryQueriesController } from '../api/grpc/inventory-queries.controller.js';
import { ItemCommandsController } from '../api/grpc/item-commands.controller.js';
import { WatchChangesController } from '../api/grpc/watch-changes.controller.js';
import type { InventoryPersistence } from '../infrastructure/persistence/inventory-persistence.js';
import { LogFollower } from '../infrastructure/watch/log-follower.js';
import type { BackgroundWork } from './background-work.js';

/** The adapters the service runs with, created (and migrated) before the module. */
export interface InventoryModuleOptions {
  readonly pool: pg.Pool;
  readonly persistence: InventoryPersistence;
  readonly sources: SourceRepository;
  readonly credentials: SourceCredentials;
  readonly redfish: RedfishReader;
  readonly follower: LogFollower;
  readonly background: BackgroundWork;
}

const moduleOptionsToken = Symbol('InventoryModuleOptions');

/**
 * Releases what the module was given when the application shuts down, after the gRPC server
 * has closed: watches, then projections and relay, then the pool they all use.
 */
@Injectable()
class InventoryShutdown implements OnApplicationShutdown {
  constructor(@Inject(moduleOptionsToken) private readonly options: InventoryModuleOptions) {}

  async onApplicationShutdown(): Promise<void> {
    await this.options.follower.close();
    await this.options.background.stop();
    await this.options.pool.end();
  }
}

/** The inventory's gRPC API: controllers, the error filter, and each port bound to its adapter. */
@Module({})
export class InventoryModule {
  static register(options: InventoryModuleOptions): DynamicModule {
    const { persistence } = options;
    return {
      module: InventoryModule,
      controllers: [
        InventoryQueriesController,
        ItemCommandsController,
        DiscoveryController,
        WatchChangesController,
      ],
      providers: [
        { provide: moduleOptionsToken, useValue: options },
        { provide: itemRepositoryToken, useValue: persistence.items },
        { provide: sourceItemsToken, useValue: persistence.sourceItems },
        { provide: inventoryReadModelToken, useValue: persistence.readModel },
        { provide: sourceRepositoryToken, useValue: options.sources },
        { provide: sourceCredentialsToken, useValue: options.credentials },
        { provide: redfishReaderToken, useValue: options.redfish },
        { provide: LogFollower, useValue: options.follower },
        {
          provide: InventoryQueries,
          useFactory: (readModel: InventoryReadModel) => new InventoryQueries(readModel),
          inject: [inventoryReadModelToken],
        },
        {
          provide: APP_FILTER,
          useValue: new GrpcErrorFilter(inventoryErrorMapping, 'InventoryGrpc'),
        },
        InventoryShutdown,
      ],
    };
  }
}
