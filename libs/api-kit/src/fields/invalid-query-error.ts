import { TesseraError } from '@tessera/errors';

/** One bad argument: the field as the caller named it, and what is wrong with it. */
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
