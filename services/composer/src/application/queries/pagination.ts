import type { Slice, SliceResult } from './composition-read-model.js';
import type { FieldProblem } from './query-errors.js';

export const maxPageSize = 500;
export const defaultPageSize = 50;

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

const cursorPrefix = 'c1:';

/**
 * Cursors are opaque to clients (base64url of `c1:<last id>`): stable under inserts, unlike
 * offsets, and versioned so that the ordering can change without breaking old cursors silently.
 */
export function sliceOf(page: PageRequest): { slice: Slice; problems: FieldProblem[] } {
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
}

export function pageOf<T extends { readonly id: string }>(result: SliceResult<T>): Page<T> {
  const last = result.items.at(-1);
  return result.more && last
    ? {
        items: result.items,
        nextCursor: Buffer.from(`${cursorPrefix}${last.id}`).toString('base64url'),
      }
    : { items: result.items };
}
