/** Where ListLeases finds the application's `LeaseListing` port. */
export const leaseListingToken = Symbol('LeaseListing');
