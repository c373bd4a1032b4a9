/** The allocation ledger: which composition holds which device, enforced by Postgres. */
export { AllocationLedger, type AllocationLedgerOptions } from './allocation-ledger.js';
export {
  DeviceUnavailableError,
  InvalidReservationError,
  ReservationMismatchError,
  ReservationNotFoundError,
} from './ledger-errors.js';
export { ledgerMigrations } from './ledger-migrations.js';
export { type LeaseHoldRequest, LedgerLeaseHolds } from './ledger-lease-holds.js';
export { LedgerQuotas } from './ledger-quotas.js';
export {
  type Allocation,
  type DeviceUsage,
  type ReleaseTarget,
  type ReservationRequest,
} from './ledger-records.js';
