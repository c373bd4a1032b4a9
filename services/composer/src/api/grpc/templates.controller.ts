import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { invalidArgument } from '@tessera/api-kit';
import { composer } from '@tessera/contracts';
import {
  defineTemplate,
  getTemplate,
  listTemplates,
  retireTemplate,
  type TemplateCommandDeps,
} from '../../application/templates/index.js';
import { commandContextOf, requiredText } from './command-context.js';
import { templateDepsToken } from './grpc-tokens.js';
import { definitionInputOf, templateOf, templateSummaryOf } from './template-mapper.js';

const service = 'ComposerService';

/** Templates: define a version, read one, list them, retire one. */
@Controller()
export class TemplatesController {
  constructor(@Inject(templateDepsToken) private readonly deps: TemplateCommandDeps) {}

  @GrpcMethod(service, 'DefineTemplate')
  async defineTemplate(
    request: composer.DefineTemplateRequest,
    metadata: Metadata,
  ): Promise<composer.DefineTemplateResponse> {
    const context = commandContextOf(metadata);
    const definition = definitionInputOf(request.template);
    if (definition === undefined) throw invalidArgument('template', 'is required');
    return defineTemplate(this.deps, { definition, definedBy: context.actor }, context);
  }

  @GrpcMethod(service, 'GetTemplate')
  async getTemplate(request: composer.GetTemplateRequest): Promise<composer.GetTemplateResponse> {
    const name = requiredText(request.name, 'name');
    if (request.version !== undefined && request.version < 1) {
      throw invalidArgument('version', 'must be a version number from 1, or absent for the latest');
    }
    return { template: templateOf(await getTemplate(this.deps, name, request.version)) };
  }

  @GrpcMethod(service, 'ListTemplates')
  async listTemplates(): Promise<composer.ListTemplatesResponse> {
    return { templates: (await listTemplates(this.deps)).map(templateSummaryOf) };
  }

  @GrpcMethod(service, 'RetireTemplate')
  async retireTemplate(
    request: composer.RetireTemplateRequest,
    metadata: Metadata,
  ): Promise<composer.RetireTemplateResponse> {
    const context = commandContextOf(metadata);
    const name = requiredText(request.name, 'name');
    const reason = requiredText(request.reason, 'reason');
    await retireTemplate(this.deps, { name, reason, retiredBy: context.actor }, context);
    return { name, status: composer.TemplateStatus.TEMPLATE_STATUS_RETIRED };
  }
}
