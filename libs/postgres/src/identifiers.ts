import { TesseraError } from '@tessera/errors';
const identifierPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export class InvalidIdentifierError extends TesseraError<'INVALID_SQL_IDENTIFIER'> {
  readonly code = 'INVALID_SQL_IDENTIFIER';
  constructor(readonly identifier: string) {
    super(
      `"${identifier}" is not a valid schema or table name: use lower-case letters, digits and _, ` +
        'starting with a letter or _, at most 63 characters',
    );
  }
}

/**
 * Checks a schema or table name that is spliced into SQL (identifiers cannot be bound as
 * parameters) and returns it quoted.
 */
export function quoteIdentifier(identifier: string): string {
  if (!identifierPattern.test(identifier)) {
    throw new InvalidIdentifierError(identifier);
  }
  return `"${identifier}"`;
}
