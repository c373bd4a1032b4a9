import type pg from 'pg';
import type { PromisedDevices } from '../../application/capacity/promised-devices.js';
import type { AllocationLedger } from '../ledger/index.js';

/** The devices held for leases, as capacity questions see them (the ledger's lease holds). */
export class PostgresPromisedDevices implements PromisedDevices {
  constructor(
    private readonly pool: pg.Pool,
    private readonly ledger: AllocationLedger,
  ) {}

  promisedDuring(start: Date, end: Date): Promise<ReadonlySet<string>> {
    return this.ledger.leaseHolds.promisedDuring(this.pool, start, end);
  }
}
