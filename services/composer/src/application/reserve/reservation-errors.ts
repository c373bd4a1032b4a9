import { TesseraError } from '@tessera/errors';

/** No hold under this id: it was never made, was applied, or was swept after expiring. */
export class HeldReservationNotFoundError extends TesseraError<'RESERVATION_NOT_FOUND'> {
  readonly code = 'RESERVATION_NOT_FOUND';

  constructor(readonly reservationId: string) {
    super(`reservation ${reservationId} holds nothing: it was applied, expired or never made`);
  }
}

/** The hold ran out before it was applied: its devices may be free again. Reserve anew. */
export class ReservationExpiredError extends TesseraError<'RESERVATION_EXPIRED'> {
  readonly code = 'RESERVATION_EXPIRED';

  constructor(
    readonly reservationId: string,
    readonly expiredAt: Date,
  ) {
    super(`reservation ${reservationId} expired at ${expiredAt.toISOString()}: reserve again`);
  }
}

/** A hold must last a whole number of seconds from 1 to 3600. */
export class InvalidHoldDurationError extends TesseraError<'INVALID_HOLD_DURATION'> {
  readonly code = 'INVALID_HOLD_DURATION';

  constructor(readonly holdSeconds: number) {
    super(`holdSeconds must be an integer from 1 to 3600, got ${holdSeconds}`);
  }
}
