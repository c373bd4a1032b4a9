/** Holds of previewed choices (reserve / apply by reservation id) and the sweep of expired ones. */
export {
  composerReservationsSchema,
  PostgresReservationBook,
  type PostgresReservationBookOptions,
} from './postgres-reservation-book.js';
export { reservationMigrations } from './reservation-migrations.js';
export {
  ReservationSweep,
  type ReservationSweepOptions,
  type SweepResult,
} from './reservation-sweep.js';
