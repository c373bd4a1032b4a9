import { TesseraError } from '@tessera/errors';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** A query whose arguments are wrong; lists every problem, each naming its field. */
export class InvalidQueryError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }
}

/** No composition has this id (or its first event is not projected yet). */
export class CompositionViewNotFoundError extends TesseraError<'COMPOSITION_NOT_FOUND'> {
  readonly code = 'COMPOSITION_NOT_FOUND';

  constructor(readonly compositionId: string) {
    super(`there is no composition "${compositionId}"`);
  }
}
