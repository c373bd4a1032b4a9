import type { INestMicroservice, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { GrpcOptions } from '@nestjs/microservices';
import { findFreePort, servicePool, structuredLogger } from '@tessera/api-kit/server';
import type { EventTransport } from '@tessera/event-transport';
import { createComposerPersistence } from '../infrastructure/persistence/index.js';
import { LedgerCompositionsHoldingDevice } from '../infrastructure/recovery/index.js';
import { createComposerViews } from '../infrastructure/views/index.js';
import { type BackgroundWork, startBackgroundWork } from './background-work.js';
import type { CandidateSourceProvider } from './candidate-source.js';
import { DeferredHealing } from './deferred-healing.js';
import { inventoryFedCandidateSourceProvider } from './inventory-fed-candidates.js';
import { openServiceTransport } from './service-transport.js';
import type { ComposerConfig } from './composer-config.js';
import { ComposerModule } from './composer.module.js';
import { ComposerHealth, composerGrpcOptions } from './grpc-transport.js';
import { prepareServiceDeps } from './service-deps.js';

export interface RunningComposerService {
  /** `host:port` the gRPC server listens on. */
  readonly grpcUrl: string;
  /** Stops serving (health NOT_SERVING, calls in flight finished), then frees all. */
  close(): Promise<void>;
}

export interface ComposerServiceOptions {
  /** Nest's log levels; default error, warn and log. */
  readonly logLevels?: LogLevel[];
  /** The scheduler's candidate index; by default the one the inventory's events feed. */
  readonly candidates?: CandidateSourceProvider;
  /** How long scheduled devices stay reserved for their attach (default 5 minutes). */
  readonly attachTimeoutMs?: number;
  /** How often leases due to start, warn or end are looked for (default 5 s). */
  readonly leaseCheckMs?: number;
}

/**
 * Starts the composer service: migrates its schemas, builds its candidate index, starts its
 * background work (projections, transport, outbox relay, observation consumer, deadline job,
 * reservation sweep), then serves ComposerService, server reflection and the health service on
 * `grpcHost:grpcPort` (a free port for 0).
 */
export async function startComposerService(
  config: ComposerConfig,
  options: ComposerServiceOptions = {},
): Promise<RunningComposerService> {
  const logger = structuredLogger('ComposerService');
  const pool = servicePool(config.databaseUrl, 'composer', logger);
  const persistence = createComposerPersistence({ pool });
  const views = createComposerViews({ pool, store: persistence.store });
  const healing = new DeferredHealing(logger);
  const candidates =
    options.candidates ??
    inventoryFedCandidateSourceProvider({
      logger,
      onHeldDeviceFailed: (deviceId) => {
        healing.heal(deviceId);
      },
    });
  let transport: EventTransport | undefined;
  let background: BackgroundWork | undefined;
  let app: INestMicroservice | undefined;
  try {
    transport = await openServiceTransport(config, pool, logger);
    const deps = await prepareServiceDeps(
      config,
      options,
      persistence,
      views,
      candidates,
      transport,
    );
    healing.start({
      ...deps.compose,
      holders: new LedgerCompositionsHoldingDevice(pool),
    });
    background = await startBackgroundWork(
      config,
      persistence,
      views,
      deps,
      transport,
      logger,
      options.leaseCheckMs,
    );
    const port = config.grpcPort === 0 ? await findFreePort(config.grpcHost) : config.grpcPort;
    const grpcUrl = `${config.grpcHost}:${port}`;
    const health = new ComposerHealth();
    const microserviceOptions: GrpcOptions & { logger: LogLevel[]; abortOnError: boolean } = {
      ...composerGrpcOptions(grpcUrl, health),
      logger: options.logLevels ?? ['error', 'warn', 'log'],
      abortOnError: false,
    };
    app = await NestFactory.createMicroservice(
      ComposerModule.register({
        pool,
        deps,
        readModel: views.readModel,
        candidates,
        background,
        transport,
        closeStore: () => persistence.store.close(),
      }),
      // Nest declares its options as a class but reads them as a plain object.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      microserviceOptions,
    );
    await app.listen();
    const running = app;
    let closing: Promise<void> | undefined;
    return {
      grpcUrl,
      close: () =>
        (closing ??= (async () => {
          health.notServing();
          await running.close();
        })()),
    };
  } catch (error) {
    if (app !== undefined) {
      await app.close();
    } else {
      await candidates.stop();
      await background?.stop();
      await transport?.close();
      await persistence.store.close();
      await pool.end();
    }
    throw error;
  }
}
