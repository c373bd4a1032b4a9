/**
 * Finds the compositions whose attach may have missed its deadline. Every attach holds its
 * devices in the ledger until the deadline, so these are the ones with a reservation expired at
 * `now`; the aggregate decides whether anything is still in flight.
 */
export interface DueAttaches {
  compositionsPastDeadline(now: Date): Promise<readonly string[]>;
}
