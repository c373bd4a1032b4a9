import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InventoryApi } from '../../../infrastructure/grpc/inventory-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import type { HttpResponse } from '../http-types.js';
import { type Page, pageOf, PageQuery, pageRequestOf } from '../paging.dto.js';
import { clientsToken } from '../tokens.js';
import {
  type ControllerClass,
  type HardwareCollection,
  itemIdParam,
  nameController,
} from './hardware-collections.js';
import { versionEtag } from '../preconditions.js';
import { type ItemResource, itemResource } from './item-resource.js';

/**
 * `GET /v1/<collection>` and `GET /v1/<collection>/{id}` for one kind of item (hosts,
 * enclosures, fabrics, racks, sites; devices have their filters in DevicesController).
 * Hardware is shared by every tenant, so any grant may read it.
 */
export function hardwareReadsController(collection: HardwareCollection): ControllerClass {
  @ApiTags('inventory')
  @Controller(`v1/${collection.path}`)
  class HardwareReadsController {
    private readonly inventory: InventoryApi;

    constructor(@Inject(clientsToken) clients: ServiceClients) {
      this.inventory = new InventoryApi(clients);
    }

    @Get()
    @Requires('viewer')
    @ApiOperation({ summary: `List ${collection.path}, by id` })
    async list(
      @CurrentCaller() caller: Caller,
      @Query() query: PageQuery,
    ): Promise<Page<ItemResource>> {
      const request = { kind: collection.kind, page: pageRequestOf(query) };
      const answer = await this.inventory.listItems(caller.call, request);
      return pageOf(answer.items.map(itemResource), answer.page);
    }

    @Get(':id')
    @Requires('viewer')
    @ApiOperation({ summary: `One of the ${collection.path}; its ETag is its version` })
    @ApiParam(itemIdParam)
    @ApiOkResponse({ description: `The item` })
    async get(
      @CurrentCaller() caller: Caller,
      @Param('id') id: string,
      @Res({ passthrough: true }) response: HttpResponse,
    ): Promise<ItemResource> {
      const item = await this.inventory.getItem(caller.call, { kind: collection.kind, id });
      response.setHeader('ETag', versionEtag(item));
      return itemResource(item);
    }
  }
  return nameController(HardwareReadsController, `${collection.className}ReadsController`);
}
