import type { Slice, SliceResult } from '../queries/index.js';
import { getLease, type LeaseView } from './get-lease.handler.js';
import type { LeaseDeps } from './lease-deps.js';
import type { LeaseFilter, LeaseListing } from './lease-listing.js';

/** One slice of the leases matching `filter`, by id, each as `getLease` shows it. */
export async function listLeases(
  deps: Pick<LeaseDeps, 'leases'> & { readonly listing: LeaseListing },
  filter: LeaseFilter,
  slice: Slice,
): Promise<SliceResult<LeaseView & { readonly id: string }>> {
  const found = await deps.listing.list(filter, slice);
  const items = await Promise.all(
    found.items.map(async ({ id }) => ({ id, ...(await getLease(deps, id)) })),
  );
  return { items, more: found.more };
}
