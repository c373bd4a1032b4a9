import { cursorPaging } from '@tessera/api-kit';

export type { Page, PageRequest } from '@tessera/api-kit';

/** The inventory's pages: up to 1000 items (100 unless asked), cursors `v1:<last id>`. */
const paging = cursorPaging({ cursorPrefix: 'v1:', maxPageSize: 1_000, defaultPageSize: 100 });

export const { maxPageSize, defaultPageSize } = paging;
export const sliceOf = paging.sliceOf;
export const pageOf = paging.pageOf;
