import { TesseraError } from '@tessera/errors';

/** A query whose arguments are wrong: the one error every Tessera service's API reports alike. */
export { type FieldProblem, InvalidQueryError } from '@tessera/api-kit';

/** No composition has this id (or its first event is not projected yet). */
export class CompositionViewNotFoundError extends TesseraError<'COMPOSITION_NOT_FOUND'> {
  readonly code = 'COMPOSITION_NOT_FOUND';

  constructor(readonly compositionId: string) {
    super(`there is no composition "${compositionId}"`);
  }
}
