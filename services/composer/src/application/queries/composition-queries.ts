import { compositionStatuses } from '@tessera/composer-domain';
import type {
  CompositionFilter,
  CompositionReadModel,
  CompositionView,
} from './composition-read-model.js';
import { type Page, type PageRequest, pageOf, sliceOf } from './pagination.js';
import { CompositionViewNotFoundError, InvalidQueryError } from './query-errors.js';

/** Longest tenant slug a filter may name. */
const maxTenantLength = 63;

/** The composer's questions about compositions, answered from its read model. */
export class CompositionQueries {
  constructor(private readonly readModel: CompositionReadModel) {}

  /** Throws `CompositionViewNotFoundError` when no composition has the id. */
  async getComposition(id: string): Promise<CompositionView> {
    if (id.trim() === '') {
      throw new InvalidQueryError([{ field: 'compositionId', message: 'is required' }]);
    }
    const view = await this.readModel.getComposition(id);
    if (view === undefined) throw new CompositionViewNotFoundError(id);
    return view;
  }

  /** Compositions ordered by id; every bad argument is reported at once. */
  async listCompositions(
    filter: CompositionFilter,
    page: PageRequest,
  ): Promise<Page<CompositionView>> {
    const { slice, problems } = sliceOf(page);
    if (filter.tenant !== undefined && filter.tenant.length > maxTenantLength) {
      problems.push({ field: 'tenant', message: `must be at most ${maxTenantLength} characters` });
    }
    if (filter.phase !== undefined && !compositionStatuses.includes(filter.phase)) {
      problems.push({
        field: 'phase',
        message: `must be one of ${compositionStatuses.join(', ')}`,
      });
    }
    if (problems.length > 0) throw new InvalidQueryError(problems);
    return pageOf(await this.readModel.listCompositions(filter, slice));
  }
}
