import { fileURLToPath } from 'node:url';
import { type Client, Server, ServerCredentials } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { composer, gateway, inventory } from '@tessera/contracts';
import { HealthImplementation, service as healthService } from 'grpc-health-check';
import { composerRules, inventoryRules } from './grpc-access-rules.js';
import {
  type ForwardingDeps,
  forwardingHandlers,
  passThroughDefinition,
} from './forwarded-service.js';
import { type GatewayServiceDeps, gatewayServiceHandlers } from './gateway/gateway-service.js';

/** proto/ at the workspace root: the same five levels up from src/api/grpc and dist/api/grpc. */
const protoRoot = fileURLToPath(new URL('../../../../../proto/', import.meta.url));

/**
 * The services the public gRPC API offers: the same contracts as the services behind it, so that
 * a client written against a service works against the gateway with a bearer token added. A
 * service that joins Tessera adds its line here.
 */
const publicServices = [
  {
    name: 'tessera.inventory.v1.InventoryService',
    proto: 'tessera/inventory/v1/inventory_service.proto',
    definition: inventory.InventoryServiceService,
    rules: inventoryRules,
    client: (clients: PublicGrpcClients) => clients.inventory,
  },
  {
    name: 'tessera.composer.v1.ComposerService',
    proto: 'tessera/composer/v1/composer_service.proto',
    definition: composer.ComposerServiceService,
    rules: composerRules,
    client: (clients: PublicGrpcClients) => clients.composer,
  },
] as const;

/** The gateway's own service, served here rather than forwarded. */
const gatewayService = {
  name: 'tessera.gateway.v1.GatewayService',
  proto: 'tessera/gateway/v1/gateway_service.proto',
} as const;

const servedServices = [...publicServices, gatewayService];

export type PublicGrpcDeps = ForwardingDeps & Omit<GatewayServiceDeps, 'closing'>;

export interface PublicGrpcClients {
  readonly inventory: Client;
  readonly composer: Client;
}

export interface RunningPublicGrpc {
  /** `host:port` it listens on. */
  readonly url: string;
  /** Health NOT_SERVING, then calls in flight finish, then it stops. */
  close(): Promise<void>;
}

/**
 * Serves the public gRPC API on `host:port` (a free port for 0): every service of
 * `publicServices` forwarded with authentication and the REST API's access rules, the gateway's
 * own GatewayService, server reflection (v1 and v1alpha) describing them all, and the standard
 * health service.
 */
export async function startPublicGrpc(
  host: string,
  port: number,
  clients: PublicGrpcClients,
  deps: PublicGrpcDeps,
): Promise<RunningPublicGrpc> {
  const server = new Server();
  const health = new HealthImplementation({ '': 'SERVING' });
  const closing = new AbortController();
  for (const service of publicServices) {
    server.addService(
      passThroughDefinition(service.definition),
      forwardingHandlers(service.definition, service.rules, service.client(clients), deps),
    );
  }
  server.addService(
    gateway.GatewayServiceService,
    gatewayServiceHandlers({ ...deps, closing: closing.signal }),
  );
  for (const service of servedServices) health.setStatus(service.name, 'SERVING');
  health.addToServer(server);
  new ReflectionService({
    ...loadSync(
      servedServices.map((service) => service.proto),
      { includeDirs: [protoRoot] },
    ),
    ...healthDescriptors(),
  }).addToServer(server);
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, actual) => {
      if (error === null) resolve(actual);
      else reject(error);
    });
  });
  return {
    url: `${host}:${bound}`,
    close: async () => {
      health.setStatus('', 'NOT_SERVING');
      for (const service of servedServices) health.setStatus(service.name, 'NOT_SERVING');
      closing.abort();
      await new Promise<void>((resolve) => {
        server.tryShutdown(() => {
          resolve();
        });
      });
    },
  };
}

type PackageDefinition = ConstructorParameters<typeof ReflectionService>[0];

/** The health service's descriptors, so that reflection lists it beside the others. */
function healthDescriptors(): PackageDefinition {
  const request = healthService.Check?.requestType;
  return request === undefined ? {} : { 'grpc.health.v1.HealthCheckRequest': request };
}
