/**
 * How many compositions hold one device, as the ledger says (`used`), and whether a lease holds
 * it for a window that has not ended (`promisedFull`, the count at which it is full). A promised
 * device counts as full for open-ended compositions, which must not take it; questions about a
 * window read its real count instead (`CandidateIndex.withoutLeasePromises`).
 */
export class DeviceUsage {
  constructor(
    public used = 0,
    public promisedFull?: number,
  ) {}

  /** The count the scheduler sees. */
  get allocations(): number {
    return this.promisedFull === undefined ? this.used : Math.max(this.used, this.promisedFull);
  }

  copy(): DeviceUsage {
    return new DeviceUsage(this.used, this.promisedFull);
  }
}
