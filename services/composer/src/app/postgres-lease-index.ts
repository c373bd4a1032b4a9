/** ListLeases' listing now lives beside the lease book (infrastructure/leases). */
export { PostgresLeaseListing as PostgresLeaseIndex } from '../infrastructure/leases/index.js';
