import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InventoryApi } from '../../../infrastructure/grpc/inventory-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { clientsToken } from '../tokens.js';
import { itemIdParam } from './hardware-collections.js';
import { type RouteResource, routeResource } from './item-resource.js';

/** The routes of a host or a device, nearest first; not paged (a host reaches a few hundred). */
export interface Routes {
  readonly items: readonly RouteResource[];
}

/** Which hosts reach which devices, both ways: through a fabric and a path of switches. */
@ApiTags('inventory')
@Controller('v1')
export class ReachabilityController {
  private readonly inventory: InventoryApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.inventory = new InventoryApi(clients);
  }

  @Get('hosts/:id/reachable-devices')
  @Requires('viewer')
  @ApiOperation({ summary: 'The devices a host reaches, nearest first (fewest hops, then id)' })
  @ApiParam(itemIdParam)
  async reachableDevices(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<Routes> {
    const answer = await this.inventory.listReachableDevices(caller.call, { hostId: id });
    return { items: answer.routes.map(routeResource) };
  }

  @Get('devices/:id/reaching-hosts')
  @Requires('viewer')
  @ApiOperation({ summary: 'The hosts that reach a device, nearest first' })
  @ApiParam(itemIdParam)
  async reachingHosts(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<Routes> {
    const answer = await this.inventory.listHostsReaching(caller.call, { deviceId: id });
    return { items: answer.routes.map(routeResource) };
  }
}
