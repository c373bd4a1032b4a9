/** Leases: compositions held for a time window (issue point 8). Pure decide/evolve. */
export type { LeaseCommand, LeaseCommandName, LeaseRequest } from './lease-commands.js';
export {
  InvalidLeaseError,
  InvalidLeaseTransitionError,
  LeaseIdempotencyConflictError,
  LeaseNotFoundError,
} from './lease-errors.js';
export {
  leaseEventOf,
  leaseEventPrefix,
  leaseEventSchemaVersion,
  leaseFactOf,
  leaseStreamId,
  type LeaseEvent,
} from './lease-events.js';
export {
  leaseFactNames,
  type LeaseFact,
  type LeaseFactName,
  type LeaseShortfall,
} from './lease-facts.js';
export {
  absentLease,
  leaseStatuses,
  type Lease,
  type LeaseState,
  type LeaseStatus,
} from './lease-state.js';
export { decideLease } from './decide-lease.js';
export { evolveLease } from './evolve-lease.js';
export {
  maxLeaseCompositions,
  maxLeaseWindowDays,
  validateLeaseRequest,
} from './validate-lease-request.js';
