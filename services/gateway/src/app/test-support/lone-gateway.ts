import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { gateway } from '@tessera/contracts';
import type { TestDatabase } from '@tessera/testing';
import { type RunningGateway, startGatewayService } from '../gateway-app.js';

/**
 * The gateway alone on a test database, with a bootstrap admin token: its own functions
 * (tokens, audit, events, whoami) need no service behind it.
 */
export function startLoneGateway(
  database: TestDatabase,
  adminToken: string,
): Promise<RunningGateway> {
  return startGatewayService(
    {
      databaseUrl: database.url,
      grpcHost: '127.0.0.1',
      grpcPort: 0,
      httpHost: '127.0.0.1',
      httpPort: 0,
      inventoryUrl: '127.0.0.1:1',
      composerUrl: '127.0.0.1:1',
      adminToken,
      oidc: undefined,
    },
    { logLevels: ['error'] },
  );
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function gatewayClient(grpcUrl: string): gateway.GatewayServiceClient {
  return new gateway.GatewayServiceClient(grpcUrl, credentials.createInsecure());
}

/** Every answer of a WatchEvents call that ends by itself (follow false), or its failure. */
export function watchedEvents(
  client: gateway.GatewayServiceClient,
  request: Partial<gateway.WatchEventsRequest>,
  headers: Record<string, string> = {},
): Promise<gateway.WatchEventsResponse[]> {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  const stream = client.watchEvents(gateway.WatchEventsRequest.fromPartial(request), metadata);
  const answers: gateway.WatchEventsResponse[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (answer: gateway.WatchEventsResponse) => answers.push(answer));
    stream.on('end', () => {
      resolve(answers);
    });
    stream.on('error', (error: ServiceError) => {
      reject(error);
    });
  });
}
