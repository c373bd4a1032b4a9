/**
 * @tessera/api-kit: what every Tessera service's API needs the same way.
 *
 * - `.` (framework-free, for application code too): cursor paging (`cursorPaging({ cursorPrefix,
 *   maxPageSize, defaultPageSize })` → `sliceOf(page)`, `pageOf(result)`), `InvalidQueryError`
 *   listing every bad argument, and request field names (`protoFieldPath`, `pageFields`,
 *   `withRequestFields`, `invalidArgument`).
 * - `./server` (NestJS and grpc-js): `GrpcErrorFilter` and the failure it sends for a service's
 *   `GrpcErrorMapping`, `structuredLogger`, `findFreePort`.
 * - `./test-support` (tests only): promise-returning gRPC calls, `failureOf`, health and
 *   reflection probes.
 */
export {
  type CursorPaging,
  cursorPaging,
  type CursorPagingOptions,
  type Page,
  type PageRequest,
  type Slice,
  type SliceResult,
} from './paging/cursor-paging.js';
export { type FieldProblem, InvalidQueryError } from './fields/invalid-query-error.js';
export {
  invalidArgument,
  pageFields,
  protoFieldPath,
  withRequestFields,
} from './fields/field-paths.js';
