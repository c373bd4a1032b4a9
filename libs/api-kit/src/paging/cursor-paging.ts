import type { FieldProblem } from '../fields/invalid-query-error.js';

export interface PageRequest {
  /** 1..maxPageSize, default defaultPageSize. */
  readonly limit?: number;
  /** From a previous page's `nextCursor`; absent for the first page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

/** What a read model is asked for: at most `limit` items, ordered by id, after `afterId`. */
export interface Slice {
  readonly limit: number;
  readonly afterId?: string;
}

export interface SliceResult<T> {
  readonly items: readonly T[];
  /** Whether items follow the last one returned. */
  readonly more: boolean;
}

export interface CursorPagingOptions {
  /** Written before the last id in every cursor (`v1:`); a new ordering takes a new prefix. */
  readonly cursorPrefix: string;
  readonly maxPageSize: number;
  readonly defaultPageSize: number;
}

/** One service's paging: page requests to read model slices, slices back to pages. */
export interface CursorPaging {
  readonly maxPageSize: number;
  readonly defaultPageSize: number;
  /** The slice a page asks for, and every problem with the request (field `limit` or `cursor`). */
  readonly sliceOf: (page: PageRequest) => { slice: Slice; problems: FieldProblem[] };
  /** The page of a slice, with a cursor to the next page when there is more. */
  readonly pageOf: <T extends { readonly id: string }>(result: SliceResult<T>) => Page<T>;
}

/**
 * Cursors are opaque to clients (base64url of `<prefix><last id>`): stable under inserts, unlike
 * offsets, and versioned by their prefix so that the ordering can change without breaking old
 * cursors silently. A cursor with another prefix is refused as not issued here.
 */
export function cursorPaging(options: CursorPagingOptions): CursorPaging {
  const { cursorPrefix, maxPageSize, defaultPageSize } = options;
  return {
    maxPageSize,
    defaultPageSize,
    sliceOf: (page) => {
      const problems: FieldProblem[] = [];
      const limit = page.limit ?? defaultPageSize;
      if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
        problems.push({ field: 'limit', message: `must be an integer from 1 to ${maxPageSize}` });
      }
      if (page.cursor === undefined || page.cursor === '') {
        return { slice: { limit }, problems };
      }
      const decoded = Buffer.from(page.cursor, 'base64url').toString('utf8');
      if (!decoded.startsWith(cursorPrefix) || decoded.length === cursorPrefix.length) {
        problems.push({ field: 'cursor', message: 'is not a cursor this service issued' });
        return { slice: { limit }, problems };
      }
      return { slice: { limit, afterId: decoded.slice(cursorPrefix.length) }, problems };
    },
    pageOf: (result) => {
      const last = result.items.at(-1);
      return result.more && last
        ? {
            items: result.items,
            nextCursor: Buffer.from(`${cursorPrefix}${last.id}`).toString('base64url'),
          }
        : { items: result.items };
    },
  };
}
