import type { InventorySnapshot } from '@tessera/inventory-domain';
import type { RedfishCredentials } from './source-repository.js';

/**
 * Reads a Redfish service and maps it onto the inventory model. Throws a typed error (unreachable,
 * timeout, malformed response, refused credentials) when the service cannot be read; partial
 * data is never returned as if it were complete.
 */
export interface RedfishReader {
  read(request: {
    readonly sourceId: string;
    readonly url: string;
    readonly credentials: RedfishCredentials | undefined;
    readonly signal?: AbortSignal;
  }): Promise<{ snapshot: InventorySnapshot; warnings: readonly string[] }>;
}
