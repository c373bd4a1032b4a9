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
  CompositionQueries,
  type CompositionReadModel,
  compositionReadModelToken,
} from '../application/queries/index.js';
import { CapacityController } from '../api/grpc/capacity.controller.js';
import { CompositionCommandsController } from '../api/grpc/composition-commands.controller.js';
import { CompositionQueriesController } from '../api/grpc/composition-queries.controller.js';
import { composerErrorMapping } from '../api/grpc/grpc-failure.js';
import {
  capacityDepsToken,
  composeDepsToken,
  leaseDepsToken,
  quotaDepsToken,
  templateDepsToken,
} from '../api/grpc/grpc-tokens.js';
import { leaseListingToken } from '../api/grpc/lease-listing-token.js';
import { LeasesController } from '../api/grpc/leases.controller.js';
import { QuotasController } from '../api/grpc/quotas.controller.js';
import { TemplatesController } from '../api/grpc/templates.controller.js';
import type { EventTransport } from '@tessera/event-transport';
import type { BackgroundWork } from './background-work.js';
import type { CandidateSourceProvider } from './candidate-source.js';
import type { ServiceDeps } from './service-deps.js';

/** The adapters the service runs with, created (and migrated) before the module. */
export interface ComposerModuleOptions {
  readonly pool: pg.Pool;
  readonly deps: ServiceDeps;
  readonly readModel: CompositionReadModel;
  readonly candidates: CandidateSourceProvider;
  readonly background: BackgroundWork;
  readonly transport: EventTransport;
  /** Closes what the pool's users hold open (the event store's listeners). */
  readonly closeStore: () => Promise<void>;
}

const moduleOptionsToken = Symbol('ComposerModuleOptions');

/**
 * Releases what the module was given when the application shuts down, after the gRPC server
 * has closed: the candidate source, the background work, the transport, the store, then the
 * pool they all use.
 */
@Injectable()
class ComposerShutdown implements OnApplicationShutdown {
  constructor(@Inject(moduleOptionsToken) private readonly options: ComposerModuleOptions) {}

  async onApplicationShutdown(): Promise<void> {
    await this.options.candidates.stop();
    await this.options.background.stop();
    await this.options.transport.close();
    await this.options.closeStore();
    await this.options.pool.end();
  }
}

/** The composer's gRPC API: controllers, the error filter, and each port bound to its adapter. */
@Module({})
export class ComposerModule {
  static register(options: ComposerModuleOptions): DynamicModule {
    return {
      module: ComposerModule,
      controllers: [
        CompositionCommandsController,
        CompositionQueriesController,
        TemplatesController,
        CapacityController,
        LeasesController,
        QuotasController,
      ],
      providers: [
        { provide: moduleOptionsToken, useValue: options },
        { provide: composeDepsToken, useValue: options.deps.compose },
        { provide: templateDepsToken, useValue: options.deps.templates },
        { provide: capacityDepsToken, useValue: options.deps.capacity },
        { provide: leaseDepsToken, useValue: options.deps.leases },
        { provide: leaseListingToken, useValue: options.deps.leaseListing },
        { provide: quotaDepsToken, useValue: options.deps.quotas },
        { provide: compositionReadModelToken, useValue: options.readModel },
        {
          provide: CompositionQueries,
          useFactory: (readModel: CompositionReadModel) => new CompositionQueries(readModel),
          inject: [compositionReadModelToken],
        },
        {
          provide: APP_FILTER,
          useValue: new GrpcErrorFilter(composerErrorMapping, 'ComposerGrpc'),
        },
        ComposerShutdown,
      ],
    };
  }
}
