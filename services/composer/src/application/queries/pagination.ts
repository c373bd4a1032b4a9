import { cursorPaging } from '@tessera/api-kit';

export type { Page, PageRequest } from '@tessera/api-kit';

/** The composer's pages: up to 500 items (50 unless asked), cursors `c1:<last id>`. */
const paging = cursorPaging({ cursorPrefix: 'c1:', maxPageSize: 500, defaultPageSize: 50 });

export const { maxPageSize, defaultPageSize } = paging;
export const sliceOf = paging.sliceOf;
export const pageOf = paging.pageOf;
