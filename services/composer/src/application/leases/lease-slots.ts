import type { LeaseSlots } from '../ports/lease-slots.js';
import { leaseCompositionId } from './compose-held.js';
import type { LeaseBook } from './lease-book.js';

/** Lease slots read from the stored leases: slot `at` is composition `leaseCompositionId(…, at)`. */
export function leaseSlotsOf(book: Pick<LeaseBook, 'load'>): LeaseSlots {
  return {
    async heldFor(leaseId, compositionId) {
      const { state } = await book.load(leaseId);
      if (state.status === 'absent') return [];
      const at = state.held.findIndex(
        (_, slot) => leaseCompositionId(leaseId, slot) === compositionId,
      );
      return state.held[at]?.groups.flatMap((group) => group.deviceIds) ?? [];
    },
  };
}
