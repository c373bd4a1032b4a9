import { credentials } from '@grpc/grpc-js';
import { composer, inventory } from '@tessera/contracts';

/** The gRPC clients of the services behind the gateway, one channel each. */
export interface ServiceClients {
  readonly inventory: inventory.InventoryServiceClient;
  readonly composer: composer.ComposerServiceClient;
  close(): void;
}

export interface ServiceAddresses {
  readonly inventoryUrl: string;
  readonly composerUrl: string;
}

/** Channels connect lazily, so the gateway starts whether or not the services are up yet. */
export function openServiceClients(addresses: ServiceAddresses): ServiceClients {
  const inventoryClient = new inventory.InventoryServiceClient(
    addresses.inventoryUrl,
    credentials.createInsecure(),
  );
  const composerClient = new composer.ComposerServiceClient(
    addresses.composerUrl,
    credentials.createInsecure(),
  );
  return {
    inventory: inventoryClient,
    composer: composerClient,
    close: () => {
      inventoryClient.close();
      composerClient.close();
    },
  };
}
