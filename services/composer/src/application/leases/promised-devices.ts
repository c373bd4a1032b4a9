/**
 * Devices promised to leases: capacity questions (application/capacity) leave them out of any
 * window they overlap, as lease admission does.
 */
export interface PromisedDevices {
  /** Ids of devices held for a lease whose window meets [start, end). */
  promisedDuring(start: Date, end: Date): Promise<ReadonlySet<string>>;
}
