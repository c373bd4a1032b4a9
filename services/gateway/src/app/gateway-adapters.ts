import type pg from 'pg';
import { PostgresAuditLog } from '../infrastructure/audit/postgres-audit-log.js';
import { FeedSignal } from '../infrastructure/feed/feed-signal.js';
import { PostgresEventFeed } from '../infrastructure/feed/postgres-event-feed.js';
import type { ServiceClients } from '../infrastructure/grpc/service-clients.js';
import { OidcBearerVerifier } from '../infrastructure/oidc/oidc-bearer-verifier.js';
import { PostgresReservationTenants } from '../infrastructure/reservations/postgres-reservation-tenants.js';
import { PostgresTokenStore } from '../infrastructure/tokens/postgres-token-store.js';
import type { GatewayConfig } from './gateway-config.js';
import type { GatewayAdapters } from './gateway.module.js';

/** The gateway's adapters over its database and the services' clients. */
export function gatewayAdapters(
  config: GatewayConfig,
  pool: pg.Pool,
  clients: ServiceClients,
): GatewayAdapters {
  const tokens = new PostgresTokenStore(pool);
  return {
    clients,
    tokens,
    authenticators: {
      tokens,
      oidc: config.oidc === undefined ? undefined : new OidcBearerVerifier(config.oidc),
      now: () => new Date(),
    },
    audit: new PostgresAuditLog(pool),
    reservations: new PostgresReservationTenants(pool),
    feed: new PostgresEventFeed(pool),
    feedSignal: new FeedSignal(),
  };
}
