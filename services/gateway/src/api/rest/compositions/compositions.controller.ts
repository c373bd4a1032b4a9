import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { composer } from '@tessera/contracts';
import { ComposerApi } from '../../../infrastructure/grpc/composer-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { listedTenant } from '../auth/listed-tenant.js';
import { requireTenantAccess } from '../auth/require-access.js';
import type { HttpResponse } from '../http-types.js';
import { type Page, pageOf, pageRequestOf } from '../paging.dto.js';
import { checkIfMatch, ifMatchHeader, versionEtag } from '../preconditions.js';
import { clientsToken } from '../tokens.js';
import {
  DecomposeBody,
  ExpandBody,
  ListCompositionsQuery,
  ShrinkBody,
  SpecBody,
} from './composition-bodies.dto.js';
import { visibleComposition } from './composition-access.js';
import { type CompositionResource, compositionResource } from './composition-resource.js';
import { groupOf, specOf } from './spec-of.js';
import { type PreviewResource, previewResource } from './preview-resource.js';
import { idempotencyKeyOf } from './idempotency-key.js';
import { answerCreated } from './created-answer.js';

const idempotencyHeader = {
  name: 'Idempotency-Key',
  required: false,
  description: "A retry with the same key answers the first request's composition",
};

/** Compositions: created and changed asynchronously (202, watch the Location until Ready). */
@ApiTags('compositions')
@Controller('v1/compositions')
export class CompositionsController {
  private readonly composer: ComposerApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.composer = new ComposerApi(clients);
  }

  @Post()
  @HttpCode(202)
  @Requires('operator')
  @ApiOperation({ summary: 'Compose a server from the pools' })
  @ApiHeader(idempotencyHeader)
  @ApiAcceptedResponse({ description: 'Accepted: watch the Location until status.phase is Ready' })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: SpecBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    requireTenantAccess(caller, 'operator', body.spec.tenant);
    caller.touch(body.spec.tenant);
    const spec = specOf(body.spec);
    const created = await this.composer.create(caller.call, {
      spec,
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
    });
    return answerCreated(
      this.composer,
      caller.call,
      created,
      { tenant: spec.tenant, spec },
      response,
    );
  }

  @Post('preview')
  @HttpCode(200)
  @Requires('viewer')
  @ApiOperation({ summary: 'What composing would choose, or why nothing fits (changes nothing)' })
  async preview(@CurrentCaller() caller: Caller, @Body() body: SpecBody): Promise<PreviewResource> {
    requireTenantAccess(caller, 'viewer', body.spec.tenant);
    return previewResource(await this.composer.preview(caller.call, { spec: specOf(body.spec) }));
  }

  @Get()
  @Requires('viewer')
  @ApiOperation({ summary: 'List compositions, newest first' })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListCompositionsQuery,
  ): Promise<Page<CompositionResource>> {
    const tenant = listedTenant(caller, query.tenant);
    const answer = await this.composer.list(caller.call, {
      tenant,
      phase:
        query.phase === undefined
          ? composer.CompositionPhase.COMPOSITION_PHASE_UNSPECIFIED
          : composer.compositionPhaseFromJSON(`COMPOSITION_PHASE_${query.phase.toUpperCase()}`),
      page: pageRequestOf(query),
    });
    return pageOf(answer.compositions.map(compositionResource), answer.page);
  }

  @Get(':id')
  @Requires('viewer')
  @ApiOperation({ summary: 'One composition; its ETag is its version' })
  @ApiOkResponse({ description: 'The composition' })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    const composition = await visibleComposition(this.composer, caller, id, 'viewer');
    response.setHeader('ETag', versionEtag(composition));
    return compositionResource(composition);
  }

  @Post(':id/expand')
  @HttpCode(202)
  @Requires('operator')
  @ApiOperation({ summary: 'Add a device group to a Ready composition' })
  @ApiHeader(ifMatchHeader)
  async expand(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ExpandBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    await this.prepareChange(caller, id, ifMatch);
    await this.composer.expand(caller.call, { compositionId: id, group: groupOf(body.group) });
    return this.answer(caller, id, response);
  }

  @Post(':id/shrink')
  @HttpCode(202)
  @Requires('operator')
  @ApiOperation({ summary: 'Detach and release some devices of a Ready composition' })
  @ApiHeader(ifMatchHeader)
  async shrink(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ShrinkBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    await this.prepareChange(caller, id, ifMatch);
    await this.composer.shrink(caller.call, { compositionId: id, deviceIds: body.deviceIds });
    return this.answer(caller, id, response);
  }

  @Post(':id/decompose')
  @HttpCode(202)
  @Requires('operator')
  @ApiOperation({ summary: 'Detach and release everything (idempotent)' })
  @ApiHeader(ifMatchHeader)
  decompose(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: DecomposeBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    return this.decomposeComposition(caller, id, body.reason, ifMatch, response);
  }

  @Delete(':id')
  @HttpCode(202)
  @Requires('operator')
  @ApiOperation({ summary: 'Decompose: the same as POST …/decompose without a reason' })
  @ApiHeader(ifMatchHeader)
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    return this.decomposeComposition(caller, id, undefined, ifMatch, response);
  }

  private async decomposeComposition(
    caller: Caller,
    id: string,
    reason: string | undefined,
    ifMatch: string | undefined,
    response: HttpResponse,
  ): Promise<CompositionResource> {
    await this.prepareChange(caller, id, ifMatch);
    await this.composer.decompose(caller.call, {
      compositionId: id,
      reason: reason ?? `requested by ${caller.principal.subject}`,
    });
    return this.answer(caller, id, response);
  }

  private async prepareChange(caller: Caller, id: string, ifMatch: string | undefined) {
    const composition = await visibleComposition(this.composer, caller, id, 'operator');
    checkIfMatch(ifMatch, composition.version);
    caller.touch(composition.tenant);
  }

  /** The composition as it is now, with where to watch it. */
  private async answer(
    caller: Caller,
    id: string,
    response: HttpResponse,
  ): Promise<CompositionResource> {
    const composition = await this.composer.get(caller.call, id);
    response.setHeader('Location', `/v1/compositions/${encodeURIComponent(id)}`);
    response.setHeader('ETag', versionEtag(composition));
    return compositionResource(composition);
  }
}
