import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InventoryApi } from '../../../infrastructure/grpc/inventory-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requirePlatformAccess } from '../auth/require-access.js';
import type { HttpResponse } from '../http-types.js';
import { clientsToken } from '../tokens.js';
import { syncOutcomeName } from './inventory-names.js';
import { type ReconcileResult, reconcileResult } from './reconcile-result.js';
import {
  defaultIntervalSeconds,
  RegisterSourceBody,
  RemoveSourceQuery,
} from './source-bodies.dto.js';

/** A registered source as the API answers it: never its credentials, only whether it has any. */
export interface SourceResource {
  readonly id: string;
  readonly url: string;
  readonly intervalSeconds: number;
  readonly hasCredentials: boolean;
  /** False when it existed with that URL already (its interval may have changed). */
  readonly registered: boolean;
}

/** A registered source as its last sync left it. */
export interface ListedSource {
  readonly id: string;
  readonly url: string;
  readonly intervalSeconds: number;
  readonly hasCredentials: boolean;
  /** False once a sync failed to read it, until one reads it again. */
  readonly answering: boolean;
  readonly lastError: string | undefined;
  readonly lastSyncAt: string | undefined;
}

export interface SyncResource extends ReconcileResult {
  readonly id: string;
  /** `synced`, or `unreachable`: nothing reconciled, its devices unschedulable until it answers. */
  readonly outcome: string | undefined;
  /** Synced: what the mapping tolerated (dangling links, unknown values). */
  readonly warnings: readonly string[];
  /** Unreachable: why, as "<code>: <message>". */
  readonly error: string | undefined;
}

/** Redfish services the inventory discovers hardware from, resynced on their intervals. */
@ApiTags('inventory')
@Controller('v1/discovery-sources')
export class DiscoverySourcesController {
  private readonly inventory: InventoryApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.inventory = new InventoryApi(clients);
  }

  @Get()
  @Requires('viewer')
  @ApiOperation({
    summary: 'The registered sources, by id, and how their last sync went (viewer on "*")',
  })
  async list(@CurrentCaller() caller: Caller): Promise<{ items: ListedSource[] }> {
    requirePlatformAccess(caller, 'viewer');
    const { sources } = await this.inventory.listSources(caller.call);
    return {
      items: sources.map((source) => ({
        id: source.id,
        url: source.url,
        intervalSeconds: source.intervalSeconds,
        hasCredentials: source.hasCredentials,
        answering: source.answering,
        lastError: source.lastError === '' ? undefined : source.lastError,
        lastSyncAt: source.lastSyncAt,
      })),
    };
  }

  @Post()
  @Requires('operator')
  @ApiOperation({ summary: 'Register a Redfish source, or change its interval (admin on "*")' })
  @ApiOkResponse({ description: 'It existed with that URL: its interval is as given now' })
  async register(
    @CurrentCaller() caller: Caller,
    @Body() body: RegisterSourceBody,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<SourceResource> {
    requirePlatformAccess(caller, 'admin');
    caller.touch('*');
    const intervalSeconds = body.intervalSeconds ?? defaultIntervalSeconds;
    const { registered } = await this.inventory.registerSource(caller.call, {
      id: body.id,
      url: body.url,
      intervalSeconds,
      username: body.username,
      password: body.password,
    });
    response.status(registered ? 201 : 200);
    const hasCredentials = body.username !== undefined || body.password !== undefined;
    return { id: body.id, url: body.url, intervalSeconds, hasCredentials, registered };
  }

  @Delete(':id')
  @HttpCode(200)
  @Requires('operator')
  @ApiOperation({ summary: 'Remove a source (admin on "*"): every item it declared goes missing' })
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: RemoveSourceQuery,
  ): Promise<{ readonly id: string; readonly missing: number }> {
    requirePlatformAccess(caller, 'admin');
    caller.touch('*');
    const reason = query.reason ?? `requested by ${caller.principal.subject}`;
    const { missing } = await this.inventory.removeSource(caller.call, { id, reason });
    return { id, missing };
  }

  @Post(':id/sync')
  @HttpCode(200)
  @Requires('operator')
  @ApiOperation({ summary: 'Read a source now and reconcile what it reports (operator on "*")' })
  async sync(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<SyncResource> {
    requirePlatformAccess(caller, 'operator');
    caller.touch('*');
    const answer = await this.inventory.syncSource(caller.call, { id });
    return {
      id,
      outcome: syncOutcomeName(answer.outcome),
      ...reconcileResult(answer),
      warnings: answer.warnings,
      error: answer.error === '' ? undefined : answer.error,
    };
  }
}
