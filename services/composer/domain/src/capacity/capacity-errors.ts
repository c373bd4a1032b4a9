import { TesseraError } from '@tessera/errors';

/** A capacity question that cannot be answered as asked; `field` names what is wrong. */
export class InvalidCapacityQuestionError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`capacity ${field}: ${problem}`);
  }
}
