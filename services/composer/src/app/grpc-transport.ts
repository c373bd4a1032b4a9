import { fileURLToPath } from 'node:url';
import type { Server, ServiceDefinition } from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { composer } from '@tessera/contracts';
import { HealthImplementation, service as healthService } from 'grpc-health-check';

export const composerServiceName = 'tessera.composer.v1.ComposerService';

/** proto/ at the workspace root: the same four levels up from src/app and from dist/app. */
const protoRoot = fileURLToPath(new URL('../../../../proto/', import.meta.url));

type PackageDefinition = ConstructorParameters<typeof ReflectionService>[0];

/**
 * The standard health service: SERVING for the whole server ("") and for ComposerService
 * while the service runs; `notServing()` before it stops, so that load balancers drain it.
 */
export class ComposerHealth {
  private readonly health = new HealthImplementation({
    '': 'SERVING',
    [composerServiceName]: 'SERVING',
  });

  addToServer(server: Server): void {
    this.health.addToServer(server);
  }

  notServing(): void {
    this.health.setStatus('', 'NOT_SERVING');
    this.health.setStatus(composerServiceName, 'NOT_SERVING');
  }
}

/**
 * The Nest gRPC transport for ComposerService. Nest loads the .proto files (so that server
 * reflection describes them exactly); the service itself is then served with the generated
 * @tessera/contracts definition, so handlers receive and return exactly the generated types
 * (timestamps as ISO strings, int64 as numbers) rather than proto-loader's objects.
 */
export function composerGrpcOptions(url: string, health: ComposerHealth): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url,
      package: 'tessera.composer.v1',
      protoPath: 'tessera/composer/v1/composer_service.proto',
      loader: { includeDirs: [protoRoot] },
      gracefulShutdown: true,
      onLoadPackageDefinition: (definition: PackageDefinition, server: Server) => {
        new ReflectionService({ ...definition, ...healthDescriptors() }).addToServer(server);
        health.addToServer(server);
        definition[composerServiceName] = generatedServiceDefinition();
      },
    },
  };
}

/** The health service's descriptors, so that reflection lists it with ComposerService. */
function healthDescriptors(): PackageDefinition {
  const request = healthService.Check?.requestType;
  return request === undefined ? {} : { 'grpc.health.v1.HealthCheckRequest': request };
}

/**
 * The generated definition, each method also under its proto name (`GetComposition`), as proto-loader
 * names them: Nest matches `@GrpcMethod('ComposerService', 'GetComposition')` by that name.
 */
function generatedServiceDefinition(): PackageDefinition[string] {
  const methods = Object.entries(composer.ComposerServiceService).map(([name, method]) => [
    name,
    { ...method, originalName: method.path.slice(method.path.lastIndexOf('/') + 1) },
  ]);
  return Object.fromEntries(methods) as ServiceDefinition as PackageDefinition[string];
}
