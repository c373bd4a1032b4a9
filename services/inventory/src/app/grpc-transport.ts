import { fileURLToPath } from 'node:url';
import type { Server, ServiceDefinition } from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { inventory } from '@tessera/contracts';
import { HealthImplementation, service as healthService } from 'grpc-health-check';

export const inventoryServiceName = 'tessera.inventory.v1.InventoryService';

/** proto/ at the workspace root: the same four levels up from src/app and from dist/app. */
const protoRoot = fileURLToPath(new URL('../../../../proto/', import.meta.url));

type PackageDefinition = ConstructorParameters<typeof ReflectionService>[0];

/**
 * The standard health service: SERVING for the whole server ("") and for InventoryService
 * while the service runs; `notServing()` before it stops, so that load balancers drain it.
 */
export class InventoryHealth {
  private readonly health = new HealthImplementation({
    '': 'SERVING',
    [inventoryServiceName]: 'SERVING',
  });

  addToServer(server: Server): void {
    this.health.addToServer(server);
  }

  notServing(): void {
    this.health.setStatus('', 'NOT_SERVING');
    this.health.setStatus(inventoryServiceName, 'NOT_SERVING');
  }
}

/**
 * The Nest gRPC transport for InventoryService. Nest loads the .proto files (so that server
 * reflection describes them exactly); the service itself is then served with the generated
 * @tessera/contracts definition, so handlers receive and return exactly the generated types
 * (timestamps as ISO strings, int64 as numbers) rather than proto-loader's objects.
 */
export function inventoryGrpcOptions(url: string, health: InventoryHealth): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url,
      package: 'tessera.inventory.v1',
      protoPath: 'tessera/inventory/v1/inventory_service.proto',
      loader: { includeDirs: [protoRoot] },
      gracefulShutdown: true,
      onLoadPackageDefinition: (definition: PackageDefinition, server: Server) => {
        new ReflectionService({ ...definition, ...healthDescriptors() }).addToServer(server);
        health.addToServer(server);
        definition[inventoryServiceName] = generatedServiceDefinition();
      },
    },
  };
}

/** The health service's descriptors, so that reflection lists it with InventoryService. */
function healthDescriptors(): PackageDefinition {
  const request = healthService.Check?.requestType;
  return request === undefined ? {} : { 'grpc.health.v1.HealthCheckRequest': request };
}

/**
 * The generated definition, each method also under its proto name (`GetItem`), as proto-loader
 * names them: Nest matches `@GrpcMethod('InventoryService', 'GetItem')` by that name.
 */
function generatedServiceDefinition(): PackageDefinition[string] {
  const methods = Object.entries(inventory.InventoryServiceService).map(([name, method]) => [
    name,
    { ...method, originalName: method.path.slice(method.path.lastIndexOf('/') + 1) },
  ]);
  return Object.fromEntries(methods) as ServiceDefinition as PackageDefinition[string];
}
