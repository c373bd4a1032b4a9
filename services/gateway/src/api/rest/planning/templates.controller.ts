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
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { composer } from '@tessera/contracts';
import { anyTenant } from '../../../domain/access.js';
import { ComposerPlanningApi } from '../../../infrastructure/grpc/composer-planning-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requirePlatformAccess } from '../auth/require-access.js';
import type { HttpResponse } from '../http-types.js';
import { checkIfMatchTag, ifMatchHeader } from '../preconditions.js';
import { clientsToken } from '../tokens.js';
import {
  DefineTemplateBody,
  definitionOf,
  GetTemplateQuery,
  RetireTemplateBody,
} from './template-bodies.dto.js';
import {
  templateEtag,
  type TemplateResource,
  templateResource,
  type TemplateSummaryResource,
  templateSummaryResource,
} from './template-resource.js';

/**
 * Templates: named, versioned specs with parameters. They belong to no tenant (every tenant's
 * compositions may name them), so defining and retiring one is platform administration (admin
 * on `*`); any caller may read them.
 */
@ApiTags('templates')
@Controller('v1/templates')
export class TemplatesController {
  private readonly planning: ComposerPlanningApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.planning = new ComposerPlanningApi(clients);
  }

  @Post()
  @Requires('admin')
  @ApiOperation({ summary: "Store a definition as the template's next version (platform admin)" })
  @ApiCreatedResponse({ description: 'The version stored (the latest, if it repeated the latest)' })
  async define(
    @CurrentCaller() caller: Caller,
    @Body() body: DefineTemplateBody,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<TemplateResource> {
    requirePlatformAccess(caller, 'admin');
    caller.touch(anyTenant);
    const defined = await this.planning.defineTemplate(caller.call, {
      template: definitionOf(body.template),
    });
    const template = await this.planning.getTemplate(caller.call, {
      name: defined.name,
      version: defined.version,
    });
    response.setHeader('Location', templateLocation(defined.name, defined.version));
    return answered(template, response);
  }

  @Get()
  @Requires('viewer')
  @ApiOperation({ summary: 'Every template by name, with its latest version and status' })
  async list(@CurrentCaller() caller: Caller): Promise<{ items: TemplateSummaryResource[] }> {
    const answer = await this.planning.listTemplates(caller.call);
    return { items: answer.templates.map(templateSummaryResource) };
  }

  @Get(':name')
  @Requires('viewer')
  @ApiOperation({
    summary:
      'The latest version of a template, or `version` (retired ones too); ETag: version and phase',
  })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('name') name: string,
    @Query() query: GetTemplateQuery,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<TemplateResource> {
    const template = await this.planning.getTemplate(caller.call, {
      name,
      version: query.version,
    });
    return answered(template, response);
  }

  @Post(':name/retire')
  @HttpCode(200)
  @Requires('admin')
  @ApiOperation({
    summary: 'Retire a template: no new composition may name it (platform admin; idempotent)',
  })
  @ApiHeader(ifMatchHeader)
  retire(
    @CurrentCaller() caller: Caller,
    @Param('name') name: string,
    @Body() body: RetireTemplateBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<TemplateResource> {
    return this.retireTemplate(caller, name, { reason: body.reason, ifMatch }, response);
  }

  @Delete(':name')
  @Requires('admin')
  @ApiOperation({ summary: 'Retire: the same as POST …/retire without a reason' })
  @ApiHeader(ifMatchHeader)
  remove(
    @CurrentCaller() caller: Caller,
    @Param('name') name: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<TemplateResource> {
    return this.retireTemplate(caller, name, { reason: undefined, ifMatch }, response);
  }

  /**
   * Retired templates stay readable: the answer is the latest version, now `Retired`. 412 when
   * `If-Match` is not the latest version's ETag (a newer version, or retired since).
   */
  private async retireTemplate(
    caller: Caller,
    name: string,
    request: { readonly reason: string | undefined; readonly ifMatch: string | undefined },
    response: HttpResponse,
  ): Promise<TemplateResource> {
    requirePlatformAccess(caller, 'admin');
    if (request.ifMatch !== undefined) {
      const latest = templateResource(await this.planning.getTemplate(caller.call, { name }));
      checkIfMatchTag(
        request.ifMatch,
        templateEtag(latest),
        `template "${name}" is at version ${String(latest.version)}, ${latest.status.phase}`,
      );
    }
    caller.touch(anyTenant);
    await this.planning.retireTemplate(caller.call, {
      name,
      reason: request.reason ?? `requested by ${caller.principal.subject}`,
    });
    return answered(await this.planning.getTemplate(caller.call, { name }), response);
  }
}

function templateLocation(name: string, version: number): string {
  return `/v1/templates/${encodeURIComponent(name)}?version=${version}`;
}

/** The template version as the API answers it, with its ETag. */
function answered(template: composer.Template, response: HttpResponse): TemplateResource {
  const resource = templateResource(template);
  response.setHeader('ETag', templateEtag(resource));
  return resource;
}
