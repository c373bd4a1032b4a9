import type { LeaseStatus } from '@tessera/composer-domain';
import type { Slice, SliceResult } from '../queries/index.js';

/** Which leases a listing shows. */
export interface LeaseFilter {
  readonly tenant?: string;
  readonly status?: LeaseStatus;
}

/**
 * Where lease ids are listed from: ordered by id, after `slice.afterId`, at most `slice.limit`
 * of them, with `more` when others follow. Each lease is then read from its stream.
 */
export interface LeaseListing {
  list(filter: LeaseFilter, slice: Slice): Promise<SliceResult<{ readonly id: string }>>;
}
