import { TesseraError } from '@tessera/errors';

/** One thing wrong with an input, at a path such as `groups[1].count`. */
export interface SpecProblem {
  readonly path: string;
  readonly message: string;
}

export function describeProblem(problem: SpecProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/** A composition spec that cannot be accepted; `problems` lists every reason, not the first. */
export class CompositionSpecInvalidError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(readonly problems: readonly SpecProblem[]) {
    super(`the composition spec is invalid: ${problems.map(describeProblem).join('; ')}`);
  }
}
