/** Reserve a preview's choice under a reservation id, then apply it (Redfish PreviewReserve / Apply). */
export { applyReservation } from './apply-reservation.handler.js';
export {
  type ApplyResult,
  type EarlierApplication,
  type HeldReservation,
  type NewHold,
  type ReservationApplication,
  type ReservationBook,
} from './reservation-book.js';
export {
  InvalidHoldDurationError,
  ReservationExpiredError,
  HeldReservationNotFoundError,
} from './reservation-errors.js';
export {
  type ApplyReservationCommand,
  maxHoldSeconds,
  minHoldSeconds,
  type ReservationOutcome,
  type ReserveCompositionCommand,
  type ReserveDeps,
} from './reserve-composition.command.js';
export { reserveComposition } from './reserve-composition.handler.js';
