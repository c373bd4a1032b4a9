/** Questions about compositions, answered from the compositions read model. */
export { CompositionQueries } from './composition-queries.js';
export {
  type CompositionFilter,
  type CompositionReadModel,
  compositionReadModelToken,
  type CompositionView,
  type Slice,
  type SliceResult,
} from './composition-read-model.js';
export { defaultPageSize, maxPageSize, type Page, type PageRequest } from './pagination.js';
export {
  CompositionViewNotFoundError,
  type FieldProblem,
  InvalidQueryError,
} from './query-errors.js';
