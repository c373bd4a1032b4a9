import type { common } from '@tessera/contracts';
import { maxPageSize, type Page, type PageRequest } from '../../application/queries/index.js';

/**
 * A request's page in the application's terms (docs/proto.md, "Pagination"): size 0 asks for
 * the default, a size above the maximum is lowered to it; a negative size is passed on, for the
 * query to refuse.
 */
export function pageRequestOf(page: common.PageRequest | undefined): PageRequest {
  const size = page?.pageSize ?? 0;
  const token = page?.pageToken ?? '';
  return {
    ...(size === 0 ? {} : { limit: Math.min(size, maxPageSize) }),
    ...(token === '' ? {} : { cursor: token }),
  };
}

/** Where a listing continues: an empty token on the last page. */
export function pageResponseOf(page: Page<unknown>): common.PageResponse {
  return { nextPageToken: page.nextCursor ?? '' };
}
