import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InventoryApi } from '../../../infrastructure/grpc/inventory-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import type { HttpResponse } from '../http-types.js';
import { type Page, pageOf, pageRequestOf } from '../paging.dto.js';
import { clientsToken } from '../tokens.js';
import { deviceFilterExpression, ListDevicesQuery } from './device-query.dto.js';
import { asFilterProblem } from './filter-problem.js';
import { devices, itemIdParam } from './hardware-collections.js';
import { versionEtag } from '../preconditions.js';
import { type ItemResource, itemResource } from './item-resource.js';

/** Devices: shared by every tenant, so any grant may read them (changes: hardware-commands). */
@ApiTags('inventory')
@Controller('v1/devices')
export class DevicesController {
  private readonly inventory: InventoryApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.inventory = new InventoryApi(clients);
  }

  @Get()
  @Requires('viewer')
  @ApiOperation({ summary: 'List devices a filter selects, by id' })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListDevicesQuery,
  ): Promise<Page<ItemResource>> {
    const request = { filterExpression: deviceFilterExpression(query), page: pageRequestOf(query) };
    try {
      const answer = await this.inventory.listDevices(caller.call, request);
      return pageOf(answer.devices.map(itemResource), answer.page);
    } catch (error) {
      throw asFilterProblem(error);
    }
  }

  @Get(':id')
  @Requires('viewer')
  @ApiOperation({ summary: 'One device; its ETag is its version' })
  @ApiParam(itemIdParam)
  @ApiOkResponse({ description: 'The device' })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<ItemResource> {
    const item = await this.inventory.getItem(caller.call, { kind: devices.kind, id });
    response.setHeader('ETag', versionEtag(item));
    return itemResource(item);
  }
}
