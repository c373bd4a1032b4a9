import {
  LeaseIdempotencyConflictError,
  LeaseNotFoundError,
  type LeaseState,
} from '@tessera/composer-domain';
import type { LeaseIdempotency } from './lease-book.js';
import type { LeaseDeps } from './lease-deps.js';
import type { LeaseAdmission } from './request-lease.command.js';

/**
 * The answer a lease request got before under the same idempotency key, or undefined when the
 * key is new. A key used for another request throws `LeaseIdempotencyConflictError`.
 */
export async function earlierLeaseAdmission(
  deps: Pick<LeaseDeps, 'leases'>,
  idempotency: LeaseIdempotency,
): Promise<LeaseAdmission | undefined> {
  const earlier = await deps.leases.earlierRequest(idempotency);
  switch (earlier.outcome) {
    case 'none':
      return undefined;
    case 'other':
      throw new LeaseIdempotencyConflictError(earlier.leaseId, idempotency.key);
    case 'same':
      return admissionOf(earlier.leaseId, (await deps.leases.load(earlier.leaseId)).state);
  }
}

/** A stored lease's answer to its request: rejected with its reason, or admitted with its hold. */
function admissionOf(leaseId: string, state: LeaseState): LeaseAdmission {
  if (state.status === 'absent') throw new LeaseNotFoundError(leaseId);
  if (state.status === 'rejected') {
    return {
      outcome: 'rejected',
      leaseId,
      reason: state.reason ?? '',
      shortfalls: state.shortfalls ?? [],
    };
  }
  return { outcome: 'admitted', leaseId, held: state.held };
}
