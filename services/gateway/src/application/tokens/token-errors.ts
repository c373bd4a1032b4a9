import { TesseraError } from '@tessera/errors';

/** An active token already has this name: names identify tokens to the people who revoke them. */
export class TokenNameTakenError extends TesseraError<'TOKEN_NAME_TAKEN'> {
  readonly code = 'TOKEN_NAME_TAKEN';

  constructor(readonly tokenName: string) {
    super(`an active API token is already named "${tokenName}"`);
  }
}

export class TokenNotFoundError extends TesseraError<'TOKEN_NOT_FOUND'> {
  readonly code = 'TOKEN_NOT_FOUND';

  constructor(readonly tokenId: string) {
    super(`no active API token has id "${tokenId}"`);
  }
}
