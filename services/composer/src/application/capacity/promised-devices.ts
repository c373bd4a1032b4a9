/**
 * Devices promised to something else during a window (leases hold devices for theirs): capacity
 * questions treat them as unavailable. Leases implement it; until then `noPromisedDevices`.
 */
export interface PromisedDevices {
  /** Ids of devices promised at any moment in [start, end). */
  promisedDuring(start: Date, end: Date): Promise<ReadonlySet<string>>;
}

/** Nothing is promised to anyone: capacity is what the index shows now. */
export const noPromisedDevices: PromisedDevices = {
  promisedDuring: () => Promise.resolve(new Set<string>()),
};
