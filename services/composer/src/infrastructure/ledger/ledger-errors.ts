import { TesseraError } from '@tessera/errors';

/**
 * A reservation was refused because these devices are at their sharing limit, or already belong
 * to the composition. Nothing was reserved: the scheduler chooses other devices and tries again.
 */
export class DeviceUnavailableError extends TesseraError<'DEVICE_UNAVAILABLE'> {
  readonly code = 'DEVICE_UNAVAILABLE';

  constructor(readonly deviceIds: readonly string[]) {
    super(
      `device${deviceIds.length === 1 ? '' : 's'} ${deviceIds.join(', ')} cannot take another composition`,
    );
  }
}

/** The reservation id is already used for another composition or another set of devices. */
export class ReservationMismatchError extends TesseraError<'RESERVATION_MISMATCH'> {
  readonly code = 'RESERVATION_MISMATCH';

  constructor(readonly reservationId: string) {
    super(
      `reservation ${reservationId} already holds other devices or another composition: ` +
        'a retry must repeat the same request, a new request needs a new reservation id',
    );
  }
}

/** Nothing is held under this reservation id: it was never made, or was released or expired. */
export class ReservationNotFoundError extends TesseraError<'RESERVATION_NOT_FOUND'> {
  readonly code = 'RESERVATION_NOT_FOUND';

  constructor(readonly reservationId: string) {
    super(`reservation ${reservationId} holds nothing: it was released, expired or never made`);
  }
}

/** The reservation request itself is malformed (a caller bug, not a capacity problem). */
export class InvalidReservationError extends TesseraError<'INVALID_RESERVATION'> {
  readonly code = 'INVALID_RESERVATION';

  constructor(
    readonly reservationId: string,
    reason: string,
  ) {
    super(`reservation ${reservationId} is invalid: ${reason}`);
  }
}
