import { TesseraError } from '@tessera/errors';
import type { LeaseCommandName } from './lease-commands.js';
import type { LeaseStatus } from './lease-state.js';

/** A lease request that cannot be accepted; `field` names what is wrong. Nothing is stored. */
export class InvalidLeaseError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`lease ${field}: ${problem}`);
  }
}

/** The command is not allowed in the lease's current state. */
export class InvalidLeaseTransitionError extends TesseraError<'LEASE_INVALID_TRANSITION'> {
  readonly code = 'LEASE_INVALID_TRANSITION';

  constructor(
    readonly leaseId: string,
    readonly status: LeaseStatus | 'absent',
    readonly command: LeaseCommandName,
  ) {
    super(`lease "${leaseId}" is ${status}: it cannot take ${command}`);
  }
}

/** The idempotency key named another lease request: use a new key for a new request. */
export class LeaseIdempotencyConflictError extends TesseraError<'IDEMPOTENCY_CONFLICT'> {
  readonly code = 'IDEMPOTENCY_CONFLICT';

  constructor(
    readonly leaseId: string,
    readonly idempotencyKey: string,
  ) {
    super(
      `idempotency key "${idempotencyKey}" was used to request lease "${leaseId}" with ` +
        'another request; use a new key for a new request',
    );
  }
}

export class LeaseNotFoundError extends TesseraError<'LEASE_NOT_FOUND'> {
  readonly code = 'LEASE_NOT_FOUND';

  constructor(readonly leaseId?: string) {
    super(leaseId === undefined ? 'there is no such lease' : `there is no lease "${leaseId}"`);
  }
}
