import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { pageFields, withRequestFields } from '@tessera/api-kit';
import type { composer } from '@tessera/contracts';
import { CompositionQueries } from '../../application/queries/index.js';
import { compositionOf } from './composition-mapper.js';
import { pageRequestOf, pageResponseOf } from './page-mapper.js';
import { statusFilterOf } from './phase-mapper.js';

const service = 'ComposerService';

/** Questions about compositions, answered from the compositions read model. */
@Controller()
export class CompositionQueriesController {
  constructor(@Inject(CompositionQueries) private readonly queries: CompositionQueries) {}

  @GrpcMethod(service, 'GetComposition')
  async getComposition(
    request: composer.GetCompositionRequest,
  ): Promise<composer.GetCompositionResponse> {
    const view = await withRequestFields(this.queries.getComposition(request.compositionId), {
      compositionId: 'composition_id',
    });
    return { composition: compositionOf(view) };
  }

  @GrpcMethod(service, 'ListCompositions')
  async listCompositions(
    request: composer.ListCompositionsRequest,
  ): Promise<composer.ListCompositionsResponse> {
    const phase = statusFilterOf(request.phase, 'phase');
    const page = await withRequestFields(
      this.queries.listCompositions(
        { ...(request.tenant === '' ? {} : { tenant: request.tenant }), ...(phase && { phase }) },
        pageRequestOf(request.page),
      ),
      pageFields,
    );
    return { compositions: page.items.map(compositionOf), page: pageResponseOf(page) };
  }
}
