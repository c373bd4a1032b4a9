/**
 * @tessera/gateway: the public edge (services/gateway/docs/gateway.md): the REST API over the
 * inventory and composer services, authentication, tenant-scoped authorization and API tokens.
 * The entry point is `src/main.ts`; this module lets the standalone process start it in-process.
 */
export { loadGatewayConfig, type GatewayConfig, type OidcConfig } from './app/gateway-config.js';
export {
  startGatewayService,
  type GatewayOptions,
  type RunningGateway,
} from './app/gateway-app.js';
