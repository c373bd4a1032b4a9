import type { composer } from '@tessera/contracts';
import { ApiProblem } from '../problem.js';

/**
 * A lease the composer did not admit, as a 409 problem (`LEASE_REJECTED`): waiting does not
 * help; freeing capacity, raising the quota or changing the window does. The detail is the
 * composer's reason, which names the first composition and group that did not fit (`group gpus:
 * needs 64 gpu, 15 left after filters`) or the quota exceeded. The refusal is recorded: the
 * answer's Location shows it.
 */
export function leaseRejection(answer: composer.CreateLeaseResponse): ApiProblem {
  const reason =
    answer.reason === '' ? 'not enough capacity or quota for the window' : answer.reason;
  return new ApiProblem(
    409,
    'LEASE_REJECTED',
    `lease "${answer.leaseId}" was not admitted: ${reason}`,
  );
}
