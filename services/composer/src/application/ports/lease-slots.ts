/**
 * The devices a lease holds for one of its compositions (the assignment admission chose for it),
 * so that rescheduling the composition can use them again.
 */
export interface LeaseSlots {
  /** The held devices of `compositionId` in lease `leaseId`; none when it is not one of its. */
  heldFor(leaseId: string, compositionId: string): Promise<readonly string[]>;
}
