import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  ValidationPipe,
} from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Authenticators } from '../application/auth/authenticate.js';
import type { EventFeed } from '../application/ports/event-feed.js';
import { eventControllers } from '../api/rest/events/index.js';
import type { FeedSignal } from '../infrastructure/feed/feed-signal.js';
import { adminControllers } from '../api/rest/admin/index.js';
import { AuditMiddleware } from '../api/rest/audit.middleware.js';
import { AuthGuard, authenticatorsToken } from '../api/rest/auth/auth.guard.js';
import { compositionControllers } from '../api/rest/compositions/index.js';
import { inventoryControllers } from '../api/rest/inventory/index.js';
import { planningControllers } from '../api/rest/planning/index.js';
import { systemControllers } from '../api/rest/system/index.js';
import { validationProblem } from '../api/rest/validation-problem.js';
import {
  auditLogToken,
  clientsToken,
  eventFeedToken,
  feedSignalToken,
  reservationTenantsToken,
  tokenStoreToken,
} from '../api/rest/tokens.js';
import type { ServiceClients } from '../infrastructure/grpc/service-clients.js';
import type { AuditLog } from '../application/ports/audit-log.js';
import type { ReservationTenants } from '../application/ports/reservation-tenants.js';
import type { TokenStore } from '../application/ports/token-store.js';

/** The adapters both public APIs (REST here, gRPC beside it) share. */
export interface GatewayAdapters {
  readonly clients: ServiceClients;
  readonly authenticators: Authenticators;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly reservations: ReservationTenants;
  readonly feed: EventFeed;
  readonly feedSignal: FeedSignal;
}

/** The gateway's REST API: every controller, the guard on all of them, validation, audit. */
@Module({})
export class GatewayModule implements NestModule {
  static register(deps: GatewayAdapters): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [
        ...systemControllers,
        ...adminControllers,
        ...inventoryControllers,
        ...compositionControllers,
        ...planningControllers,
        ...eventControllers,
      ],
      providers: [
        { provide: clientsToken, useValue: deps.clients },
        { provide: tokenStoreToken, useValue: deps.tokens },
        { provide: eventFeedToken, useValue: deps.feed },
        { provide: feedSignalToken, useValue: deps.feedSignal },
        { provide: reservationTenantsToken, useValue: deps.reservations },
        { provide: auditLogToken, useValue: deps.audit },
        { provide: authenticatorsToken, useValue: deps.authenticators },
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: validationProblem,
          }),
        },
        AuditMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*');
  }
}
