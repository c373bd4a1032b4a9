import { Controller, Headers, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { InventoryApi } from '../../../infrastructure/grpc/inventory-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requirePlatformAccess } from '../auth/require-access.js';
import { clientsToken } from '../tokens.js';
import { type ManifestRequest, manifestFormatOf, manifestText } from './manifest-text.js';
import { type ReconcileResult, reconcileResult } from './reconcile-result.js';

export class ImportManifestQuery {
  @ApiProperty({
    example: 'rack-12',
    description: 'Names the manifest: its items belong to source manifest:<name>',
  })
  @Matches(/^[a-z0-9._-]{1,63}$/, { message: 'name must be 1-63 of a-z, 0-9, ".", "_", "-"' })
  name!: string;
}

/** Hardware declared by operators: a manifest is the complete declaration of its source. */
@ApiTags('inventory')
@Controller('v1/manifests')
export class ManifestsController {
  private readonly inventory: InventoryApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.inventory = new InventoryApi(clients);
  }

  @Post()
  @HttpCode(200)
  @Requires('operator')
  @ApiOperation({
    summary: 'Import a manifest (needs admin on "*"): all or nothing',
    description:
      'Items new to source manifest:<name> are registered, changed ones updated, those it no ' +
      'longer declares go missing; importing it twice changes nothing. An invalid manifest ' +
      'changes nothing and is answered 400 naming every problem by its path in the document ' +
      '(services/inventory/docs/manifest.md).',
  })
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({ schema: { type: 'object', description: 'The manifest (apiVersion, kind, sites...)' } })
  @ApiOkResponse({ description: 'What the import did' })
  async import(
    @CurrentCaller() caller: Caller,
    @Query() query: ImportManifestQuery,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: ManifestRequest,
  ): Promise<ReconcileResult & { readonly manifest: string }> {
    requirePlatformAccess(caller, 'admin');
    caller.touch('*');
    const format = manifestFormatOf(contentType);
    const text = await manifestText(request);
    const answer = await this.inventory.importManifest(caller.call, {
      name: query.name,
      text,
      format,
    });
    return { manifest: query.name, ...reconcileResult(answer) };
  }
}
