/** Leases in Postgres (events, lease table, ledger holds) and the job that moves them on. */
export { leaseMigrations } from './lease-migrations.js';
export {
  LeaseSchedulerJob,
  leaseSchedulerLockKey,
  type LeaseSchedulerJobOptions,
} from './lease-scheduler-job.js';
export {
  composerLeasesSchema,
  PostgresLeaseBook,
  type PostgresLeaseBookOptions,
} from './postgres-lease-book.js';
export { PostgresLeaseListing } from './postgres-lease-listing.js';
export { PostgresPromisedDevices } from './postgres-promised-devices.js';
