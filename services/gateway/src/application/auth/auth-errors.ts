import { TesseraError } from '@tessera/errors';

/** The OIDC issuer's keys could not be fetched, so no bearer JWT can be checked now. */
export class IdentityProviderUnavailableError extends TesseraError<'IDENTITY_PROVIDER_UNAVAILABLE'> {
  readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';

  constructor(issuer: string, options?: ErrorOptions) {
    super(`the OIDC issuer ${issuer} did not give its signing keys`, options);
  }
}
