import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { pageFields, withRequestFields } from '@tessera/api-kit';
import type { inventory } from '@tessera/contracts';
import { InventoryQueries } from '../../application/queries/inventory-queries.js';
import { itemKinds, requiredDomainValue } from './enum-mappers.js';
import { deviceFilterOf } from './filter-mapper.js';
import { itemOf, routeOf } from './item-mapper.js';
import { pageRequestOf, pageResponseOf } from './page-mapper.js';

const service = 'InventoryService';

/** The inventory's questions: items, filtered devices and reachability. */
@Controller()
export class InventoryQueriesController {
  constructor(@Inject(InventoryQueries) private readonly queries: InventoryQueries) {}

  @GrpcMethod(service, 'GetItem')
  async getItem(request: inventory.GetItemRequest): Promise<inventory.GetItemResponse> {
    const kind = requiredDomainValue(itemKinds, request.kind, 'kind');
    return { item: itemOf(await this.queries.getItem(kind, request.id)) };
  }

  @GrpcMethod(service, 'ListItems')
  async listItems(request: inventory.ListItemsRequest): Promise<inventory.ListItemsResponse> {
    const kind = requiredDomainValue(itemKinds, request.kind, 'kind');
    const page = await withRequestFields(
      this.queries.listItems(kind, pageRequestOf(request.page)),
      pageFields,
    );
    return { items: page.items.map(itemOf), page: pageResponseOf(page) };
  }

  @GrpcMethod(service, 'ListDevices')
  async listDevices(request: inventory.ListDevicesRequest): Promise<inventory.ListDevicesResponse> {
    const page = await withRequestFields(
      this.queries.listDevices(deviceFilterOf(request), pageRequestOf(request.page)),
      pageFields,
    );
    return { devices: page.items.map(itemOf), page: pageResponseOf(page) };
  }

  @GrpcMethod(service, 'ListReachableDevices')
  async listReachableDevices(
    request: inventory.ListReachableDevicesRequest,
  ): Promise<inventory.ListReachableDevicesResponse> {
    const routes = await this.queries.devicesReachableFrom(request.hostId);
    return { routes: routes.map(routeOf) };
  }

  @GrpcMethod(service, 'ListHostsReaching')
  async listHostsReaching(
    request: inventory.ListHostsReachingRequest,
  ): Promise<inventory.ListHostsReachingResponse> {
    const routes = await this.queries.hostsReaching(request.deviceId);
    return { routes: routes.map(routeOf) };
  }

  @GrpcMethod(service, 'ListSources')
  async listSources(): Promise<inventory.ListSourcesResponse> {
    const sources = await this.queries.listSources();
    return {
      sources: sources.map((source) => ({
        id: source.id,
        url: source.url,
        intervalSeconds: source.intervalSeconds,
        answering: source.answering,
        lastError: source.lastError ?? '',
        lastSyncAt: source.lastSyncAt,
        hasCredentials: source.hasCredentials,
      })),
    };
  }
}
