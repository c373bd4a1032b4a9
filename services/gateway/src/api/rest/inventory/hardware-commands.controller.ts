import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { inventory } from '@tessera/contracts';
import type { Role } from '../../../domain/access.js';
import { InventoryApi } from '../../../infrastructure/grpc/inventory-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requirePlatformAccess } from '../auth/require-access.js';
import type { HttpResponse } from '../http-types.js';
import { checkIfMatch, ifMatchHeader, versionEtag } from '../preconditions.js';
import { clientsToken } from '../tokens.js';
import {
  type ControllerClass,
  type HardwareCollection,
  itemIdParam,
  nameController,
} from './hardware-collections.js';
import { healthValue } from './inventory-names.js';
import { HealthBody, LabelsBody, ReasonBody, UncordonBody } from './item-bodies.dto.js';
import { type ItemResource, itemResource } from './item-resource.js';

/** What a command sends, for the item it names. */
type Send = (target: { kind: inventory.ItemKind; id: string }) => Promise<{ itemVersion: number }>;

/**
 * Operators' commands on one kind of item (devices, hosts, enclosures, fabrics). Hardware
 * belongs to no tenant, so changing it is platform administration: a grant on `*`. Each answers
 * the item as the command left it (200), or 202 when the inventory's view has not caught up yet.
 */
export function hardwareCommandsController(collection: HardwareCollection): ControllerClass {
  @ApiTags('inventory')
  @Controller(`v1/${collection.path}`)
  class HardwareCommandsController {
    private readonly inventory: InventoryApi;

    constructor(@Inject(clientsToken) clients: ServiceClients) {
      this.inventory = new InventoryApi(clients);
    }

    @Post(':id/cordon')
    @HttpCode(200)
    @Requires('operator')
    @ApiOperation({ summary: 'Take it out of scheduling (idempotent); attached work stays' })
    @ApiParam(itemIdParam)
    @ApiHeader(ifMatchHeader)
    @ApiOkResponse({ description: 'The item, status.phase Cordoned' })
    cordon(
      @CurrentCaller() caller: Caller,
      @Param('id') id: string,
      @Body() body: ReasonBody,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) response: HttpResponse,
    ): Promise<ItemResource> {
      return this.change(caller, 'operator', { id, ifMatch, response }, (target) =>
        this.inventory.cordon(caller.call, { ...target, reason: body.reason }),
      );
    }

    @Post(':id/uncordon')
    @HttpCode(200)
    @Requires('operator')
    @ApiOperation({ summary: 'Offer a cordoned item for scheduling again (idempotent)' })
    @ApiParam(itemIdParam)
    @ApiHeader(ifMatchHeader)
    uncordon(
      @CurrentCaller() caller: Caller,
      @Param('id') id: string,
      @Body() body: UncordonBody,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) response: HttpResponse,
    ): Promise<ItemResource> {
      const reason = body.reason ?? `requested by ${caller.principal.subject}`;
      return this.change(caller, 'operator', { id, ifMatch, response }, (target) =>
        this.inventory.uncordon(caller.call, { ...target, reason }),
      );
    }

    @Post(':id/retire')
    @HttpCode(200)
    @Requires('operator')
    @ApiOperation({ summary: 'Remove from service for good (needs admin on "*"); terminal' })
    @ApiParam(itemIdParam)
    @ApiHeader(ifMatchHeader)
    retire(
      @CurrentCaller() caller: Caller,
      @Param('id') id: string,
      @Body() body: ReasonBody,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) response: HttpResponse,
    ): Promise<ItemResource> {
      return this.change(caller, 'admin', { id, ifMatch, response }, (target) =>
        this.inventory.retire(caller.call, { ...target, reason: body.reason }),
      );
    }

    @Put(':id/labels')
    @Requires('operator')
    @ApiOperation({ summary: "Replace the operators' labels (they override the source's)" })
    @ApiParam(itemIdParam)
    @ApiHeader(ifMatchHeader)
    setLabels(
      @CurrentCaller() caller: Caller,
      @Param('id') id: string,
      @Body() body: LabelsBody,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) response: HttpResponse,
    ): Promise<ItemResource> {
      return this.change(caller, 'operator', { id, ifMatch, response }, (target) =>
        this.inventory.setLabels(caller.call, { ...target, labels: body.labels }),
      );
    }

    @Put(':id/health')
    @Requires('operator')
    @ApiOperation({ summary: 'Set its health, with a reason (critical: never scheduled)' })
    @ApiParam(itemIdParam)
    @ApiHeader(ifMatchHeader)
    setHealth(
      @CurrentCaller() caller: Caller,
      @Param('id') id: string,
      @Body() body: HealthBody,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) response: HttpResponse,
    ): Promise<ItemResource> {
      const health = healthValue(body.health);
      return this.change(caller, 'operator', { id, ifMatch, response }, (target) =>
        this.inventory.setHealth(caller.call, { ...target, health, reason: body.reason }),
      );
    }

    /**
     * The inventory's commands take no expected version, so `If-Match` is checked against a
     * fresh read just before the command: it catches a stale client, not a change racing it.
     */
    private async change(
      caller: Caller,
      role: Role,
      request: { id: string; ifMatch: string | undefined; response: HttpResponse },
      send: Send,
    ): Promise<ItemResource> {
      requirePlatformAccess(caller, role);
      caller.touch('*');
      const target = { kind: collection.kind, id: request.id };
      if (request.ifMatch !== undefined) {
        const current = await this.inventory.getItem(caller.call, target);
        checkIfMatch(request.ifMatch, current.version);
      }
      const { itemVersion } = await send(target);
      const { item, caughtUp } = await this.inventory.getItemAtLeast(
        caller.call,
        target,
        itemVersion,
      );
      if (caughtUp) {
        request.response.setHeader('ETag', versionEtag(item));
      } else {
        request.response.status(202);
        request.response.setHeader(
          'Location',
          `/v1/${collection.path}/${encodeURIComponent(request.id)}`,
        );
      }
      return itemResource(item);
    }
  }
  return nameController(HardwareCommandsController, `${collection.className}CommandsController`);
}
