/** Leases: compositions held for a time window (admission, start, warning, end, cancel). */
export { advanceLeases, type LeaseProgress } from './advance-leases.handler.js';
export { chooseLeaseDevices, type LeaseChoice } from './choose-lease-devices.js';
export { composeHeld, leaseCompositionId } from './compose-held.js';
export { getLease, type LeaseView } from './get-lease.handler.js';
export type {
  DueLease,
  EarlierLeaseRequest,
  LeaseBook,
  LeaseChange,
  LeaseHold,
  LeaseIdempotency,
  LoadedLease,
} from './lease-book.js';
export { LeaseKeyTakenError } from './lease-book.js';
export { leaseRequestFingerprint } from './lease-request-fingerprint.js';
export { leaseSlotsOf } from './lease-slots.js';
export { defaultEndingSoonMs, defaultMaxAdmissionAttempts, type LeaseDeps } from './lease-deps.js';
export type { LeaseFilter, LeaseListing } from './lease-listing.js';
export { listLeases } from './list-leases.handler.js';
export {
  cancelLease,
  endLease,
  type LeaseTransition,
  startLease,
  warnLeaseEnding,
} from './lease-transitions.js';
export type { LeaseAdmission, RequestLeaseCommand } from './request-lease.command.js';
export { requestLease } from './request-lease.handler.js';
