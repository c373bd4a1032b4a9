import type { Server } from 'node:http';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { servicePool, structuredLogger } from '@tessera/api-kit/server';
import type { EventTransport } from '@tessera/event-transport';
import { serveOpenApi } from '../api/rest/openapi.js';
import { ProblemFilter } from '../api/rest/problem.filter.js';
import { ensureBootstrapToken } from '../application/tokens/token-use-cases.js';
import { migrateGateway } from '../infrastructure/gateway-migrations.js';
import { type RunningPublicGrpc, startPublicGrpc } from '../api/grpc/public-grpc-server.js';
import {
  type RunningFeedConsumer,
  startFeedConsumer,
} from '../infrastructure/feed/feed-consumer.js';
import { gatewayAdapters } from './gateway-adapters.js';
import { tenantLookups } from './grpc-lookups.js';
import { rememberReservations } from './remember-reservations.js';
import type { GatewayConfig } from './gateway-config.js';
import { openGatewayTransport } from './gateway-transport.js';
import { GatewayModule } from './gateway.module.js';
import { openServiceClients } from '../infrastructure/grpc/service-clients.js';

export interface RunningGateway {
  /** `http://host:port` the REST API listens on. */
  readonly httpUrl: string;
  /** `host:port` the public gRPC API listens on. */
  readonly grpcUrl: string;
  /** Stops accepting requests, lets those in flight finish, then frees all. */
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Nest's log levels; default error, warn and log. */
  readonly logLevels?: LogLevel[];
}

/**
 * Starts the gateway: migrates its schema, stores the bootstrap admin token's hash, connects to
 * the services' gRPC APIs, follows their events into the feed of the event stream, and serves the public REST API (with its OpenAPI document at
 * `/openapi.json` and the interactive page at `/docs`) on `httpHost:httpPort` (a free port for 0).
 */
export async function startGatewayService(
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const logger = structuredLogger('Gateway');
  const pool = servicePool(config.databaseUrl, 'gateway', logger);
  const clients = openServiceClients(config);
  const adapters = gatewayAdapters(config, pool, clients);
  let transport: EventTransport | undefined;
  let consumer: RunningFeedConsumer | undefined;
  let grpc: RunningPublicGrpc | undefined;
  let app: NestExpressApplication | undefined;
  const stopBackground = async (): Promise<void> => {
    await grpc?.close();
    await consumer?.stop();
    await transport?.close();
    clients.close();
    await pool.end();
  };
  try {
    await migrateGateway(pool);
    if (config.adminToken !== undefined) {
      await ensureBootstrapToken(adapters.tokens, config.adminToken);
    }
    transport = await openGatewayTransport(config, pool, logger);
    consumer = await startFeedConsumer(transport, adapters.feed, () => {
      adapters.feedSignal.notify();
    });
    grpc = await startPublicGrpc(config.grpcHost, config.grpcPort, clients, {
      authenticators: adapters.authenticators,
      audit: adapters.audit,
      lookups: tenantLookups(clients, adapters.reservations),
      onAnswer: rememberReservations(adapters.reservations),
      tokens: adapters.tokens,
      feed: adapters.feed,
      wakeups: adapters.feedSignal,
    });
    app = await NestFactory.create<NestExpressApplication>(
      GatewayModule.register(adapters),
      new ExpressAdapter(),
      // Nest declares its options as a class but reads them as a plain object.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      { logger: options.logLevels ?? ['error', 'warn', 'log'], abortOnError: false },
    );
    // A manifest of a few thousand items is a few MB; the services take gRPC messages to 4 MiB.
    app.useBodyParser('json', { limit: '4mb' });
    app.disable('x-powered-by');
    app.useGlobalFilters(new ProblemFilter());
    serveOpenApi(app);
    await app.listen(config.httpPort, config.httpHost);
    const port = boundPort(app);
    const running = app;
    let closing: Promise<void> | undefined;
    return {
      httpUrl: `http://${config.httpHost}:${port}`,
      grpcUrl: grpc.url,
      close: () =>
        (closing ??= (async () => {
          await running.close();
          await stopBackground();
        })()),
    };
  } catch (error) {
    if (app !== undefined) await app.close();
    await stopBackground();
    throw error;
  }
}

function boundPort(app: INestApplication): number {
  const address = (app.getHttpServer() as Server).address();
  if (address === null || typeof address === 'string') {
    throw new Error('the REST API is not listening on a TCP port');
  }
  return address.port;
}
