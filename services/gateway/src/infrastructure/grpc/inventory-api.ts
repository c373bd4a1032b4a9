import type { inventory } from '@tessera/contracts';
import type { ServiceClients } from './service-clients.js';
import { type CallContext, unaryCall } from './unary.js';

/**
 * The inventory's gRPC API as promises, each call carrying the caller (WatchChanges, a stream,
 * is not here: the event feed follows the inventory's topic instead).
 */
export class InventoryApi {
  private readonly client: inventory.InventoryServiceClient;

  constructor(clients: ServiceClients) {
    this.client = clients.inventory;
  }

  async getItem(context: CallContext, request: inventory.GetItemRequest): Promise<inventory.Item> {
    const response = await unaryCall<inventory.GetItemResponse>(context, (m, o, cb) =>
      this.client.getItem(request, m, o, cb),
    );
    if (response.item === undefined) {
      throw new Error(`GetItem answered ${request.id} without an item`);
    }
    return response.item;
  }

  /**
   * The item as a command just left it: queries read a projection that follows the log, so the
   * view may lag the command's `version` for a few milliseconds. Re-read for up to `waitMs`;
   * then `caughtUp` says whether the answer shows the command.
   */
  async getItemAtLeast(
    context: CallContext,
    request: inventory.GetItemRequest,
    version: number,
    waitMs = 3_000,
  ): Promise<{ item: inventory.Item; caughtUp: boolean }> {
    const deadline = Date.now() + waitMs;
    for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 200)) {
      const item = await this.getItem(context, request);
      if (item.version >= version) return { item, caughtUp: true };
      if (Date.now() > deadline) return { item, caughtUp: false };
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  listItems(context: CallContext, request: inventory.ListItemsRequest) {
    return unaryCall<inventory.ListItemsResponse>(context, (m, o, cb) =>
      this.client.listItems(request, m, o, cb),
    );
  }

  listDevices(context: CallContext, request: inventory.ListDevicesRequest) {
    return unaryCall<inventory.ListDevicesResponse>(context, (m, o, cb) =>
      this.client.listDevices(request, m, o, cb),
    );
  }

  listReachableDevices(context: CallContext, request: inventory.ListReachableDevicesRequest) {
    return unaryCall<inventory.ListReachableDevicesResponse>(context, (m, o, cb) =>
      this.client.listReachableDevices(request, m, o, cb),
    );
  }

  listHostsReaching(context: CallContext, request: inventory.ListHostsReachingRequest) {
    return unaryCall<inventory.ListHostsReachingResponse>(context, (m, o, cb) =>
      this.client.listHostsReaching(request, m, o, cb),
    );
  }

  cordon(context: CallContext, request: inventory.CordonItemRequest) {
    return unaryCall<inventory.CordonItemResponse>(context, (m, o, cb) =>
      this.client.cordonItem(request, m, o, cb),
    );
  }

  uncordon(context: CallContext, request: inventory.UncordonItemRequest) {
    return unaryCall<inventory.UncordonItemResponse>(context, (m, o, cb) =>
      this.client.uncordonItem(request, m, o, cb),
    );
  }

  retire(context: CallContext, request: inventory.RetireItemRequest) {
    return unaryCall<inventory.RetireItemResponse>(context, (m, o, cb) =>
      this.client.retireItem(request, m, o, cb),
    );
  }

  setLabels(context: CallContext, request: inventory.SetItemLabelsRequest) {
    return unaryCall<inventory.SetItemLabelsResponse>(context, (m, o, cb) =>
      this.client.setItemLabels(request, m, o, cb),
    );
  }

  setHealth(context: CallContext, request: inventory.SetItemHealthRequest) {
    return unaryCall<inventory.SetItemHealthResponse>(context, (m, o, cb) =>
      this.client.setItemHealth(request, m, o, cb),
    );
  }

  importManifest(context: CallContext, request: inventory.ImportManifestRequest) {
    return unaryCall<inventory.ImportManifestResponse>(context, (m, o, cb) =>
      this.client.importManifest(request, m, o, cb),
    );
  }

  registerSource(context: CallContext, request: inventory.RegisterSourceRequest) {
    return unaryCall<inventory.RegisterSourceResponse>(context, (m, o, cb) =>
      this.client.registerSource(request, m, o, cb),
    );
  }

  removeSource(context: CallContext, request: inventory.RemoveSourceRequest) {
    return unaryCall<inventory.RemoveSourceResponse>(context, (m, o, cb) =>
      this.client.removeSource(request, m, o, cb),
    );
  }

  listSources(context: CallContext) {
    return unaryCall<inventory.ListSourcesResponse>(context, (m, o, cb) =>
      this.client.listSources({}, m, o, cb),
    );
  }

  syncSource(context: CallContext, request: inventory.SyncSourceRequest) {
    return unaryCall<inventory.SyncSourceResponse>(context, (m, o, cb) =>
      this.client.syncSource(request, m, o, cb),
    );
  }
}
