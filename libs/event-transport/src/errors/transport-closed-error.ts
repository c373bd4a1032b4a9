import { TesseraError } from '@tessera/errors';
/** `publish` or `subscribe` was called after `close()`. */
export class TransportClosedError extends TesseraError<'TRANSPORT_CLOSED'> {
  readonly code = 'TRANSPORT_CLOSED';

  constructor(readonly transport: 'kafka' | 'postgres') {
    super(`the ${transport} event transport is closed`);
  }
}
