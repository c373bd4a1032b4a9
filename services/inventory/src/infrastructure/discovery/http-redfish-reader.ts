import { mapRedfishToSnapshot } from '@tessera/inventory-domain';
import type { RedfishReader } from '../../application/ports/redfish-reader.js';
import { crawlRedfishService } from '../redfish/redfish-client.js';

/** Reads a Redfish service over HTTP(S) and maps it with the domain's mapping. */
export class HttpRedfishReader implements RedfishReader {
  constructor(
    private readonly options: { readonly timeoutMs: number; readonly maxResources?: number },
  ) {}

  async read(request: Parameters<RedfishReader['read']>[0]): ReturnType<RedfishReader['read']> {
    const resources = await crawlRedfishService({
      baseUrl: request.url,
      timeoutMs: this.options.timeoutMs,
      ...(this.options.maxResources === undefined
        ? {}
        : { maxResources: this.options.maxResources }),
      ...(request.credentials ?? {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return mapRedfishToSnapshot(resources, { sourceId: request.sourceId });
  }
}
