import { describe, expect, it } from 'vitest';
import { cursorPaging } from './cursor-paging.js';

const paging = cursorPaging({ cursorPrefix: 'v1:', maxPageSize: 100, defaultPageSize: 10 });
const items = (...ids: string[]) => ids.map((id) => ({ id }));

describe('cursor paging', () => {
  it('asks for the default page size from the start when the request says nothing', () => {
    expect(paging.sliceOf({})).toEqual({ slice: { limit: 10 }, problems: [] });
    expect(paging.sliceOf({ limit: 100, cursor: '' })).toEqual({
      slice: { limit: 100 },
      problems: [],
    });
  });

  it('continues after the last item of the page its cursor came from', () => {
    const page = paging.pageOf({ items: items('a', 'b'), more: true });
    expect(page.items).toEqual(items('a', 'b'));
    expect(page.nextCursor).toBeDefined();
    expect(paging.sliceOf({ limit: 5, cursor: page.nextCursor! })).toEqual({
      slice: { limit: 5, afterId: 'b' },
      problems: [],
    });
  });

  it('gives the last page, and an empty one, no cursor', () => {
    expect(paging.pageOf({ items: items('a'), more: false })).toEqual({ items: items('a') });
    expect(paging.pageOf({ items: [], more: true })).toEqual({ items: [] });
  });

  it('names every bad argument: a limit out of range and a cursor it did not issue', () => {
    const other = cursorPaging({ cursorPrefix: 'c1:', maxPageSize: 100, defaultPageSize: 10 });
    const foreign = other.pageOf({ items: items('x'), more: true }).nextCursor!;
    for (const limit of [0, 101, 2.5]) {
      expect(paging.sliceOf({ limit }).problems).toEqual([
        { field: 'limit', message: 'must be an integer from 1 to 100' },
      ]);
    }
    const refused = { field: 'cursor', message: 'is not a cursor this service issued' };
    expect(paging.sliceOf({ limit: 0, cursor: foreign })).toEqual({
      slice: { limit: 0 },
      problems: [{ field: 'limit', message: 'must be an integer from 1 to 100' }, refused],
    });
    const empty = Buffer.from('v1:').toString('base64url');
    expect(paging.sliceOf({ cursor: empty }).problems).toEqual([refused]);
    expect(paging.sliceOf({ cursor: 'not a cursor' }).problems).toEqual([refused]);
  });
});
