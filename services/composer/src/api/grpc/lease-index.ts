/** ListLeases' listing of lease ids is the application's `LeaseListing` port. */
export type { LeaseFilter, LeaseListing as LeaseIndex } from '../../application/leases/index.js';

export const leaseIndexToken = Symbol('LeaseIndex');
