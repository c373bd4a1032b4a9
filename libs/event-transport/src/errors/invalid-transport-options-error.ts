import { TesseraError } from '@tessera/errors';

/** A transport was created with options that could never work. */
export class InvalidTransportOptionsError extends TesseraError<'INVALID_TRANSPORT_OPTIONS'> {
  readonly code = 'INVALID_TRANSPORT_OPTIONS';
}
