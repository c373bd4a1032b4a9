import { type Metadata, status } from '@grpc/grpc-js';
import { type common, errorDetailMetadata } from '@tessera/contracts';
import { isTesseraError } from '@tessera/errors';
import { InvalidItemCommandError, ManifestInvalidError } from '@tessera/inventory-domain';
import { InvalidQueryError } from '../../application/queries/query-errors.js';
import { protoFieldPath } from './field-paths.js';

/** What a failed call sends: the status, its text, and the ErrorDetail in its trailers. */
export interface GrpcFailure {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;
}

/** The gRPC status of each error code whose status is not found by its suffix. */
const statusByCode: Readonly<Record<string, status>> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  MANIFEST_INVALID: status.INVALID_ARGUMENT,
  INVENTORY_ITEM_RETIRED: status.FAILED_PRECONDITION,
  INVENTORY_SOURCE_CONFLICT: status.FAILED_PRECONDITION,
  CONCURRENCY_CONFLICT: status.ABORTED,
  DISCOVERY_SOURCE_EXISTS: status.ALREADY_EXISTS,
};

/** The code a failure nobody planned for is reported with; its message never leaves the server. */
export const internalErrorCode = 'INTERNAL';

/**
 * The gRPC failure for an error a handler threw, or undefined when the error is unexpected
 * (not a TesseraError with a known code): the caller then reports `internalFailure()` and logs
 * the error, so that internals (SQL, stack traces, hosts) never reach the client.
 */
export function grpcFailureOf(error: unknown): GrpcFailure | undefined {
  if (!isTesseraError(error)) return undefined;
  const code =
    statusByCode[error.code] ?? (error.code.endsWith('_NOT_FOUND') ? status.NOT_FOUND : undefined);
  if (code === undefined) return undefined;
  return failure(code, {
    code: error.code,
    message: error.message,
    fieldViolations: fieldViolationsOf(error),
    metadata: {},
  });
}

export function internalFailure(): GrpcFailure {
  return failure(status.INTERNAL, {
    code: internalErrorCode,
    message: 'the inventory failed to answer; the error is logged on the server',
    fieldViolations: [],
    metadata: {},
  });
}

function failure(code: status, detail: common.ErrorDetail): GrpcFailure {
  return { code, details: detail.message, metadata: errorDetailMetadata(detail) };
}

/** One violation per problem: request fields in proto names, manifest problems by their path. */
function fieldViolationsOf(error: unknown): common.FieldViolation[] {
  if (error instanceof ManifestInvalidError) {
    return error.problems.map((problem) => violation(problem.path, problem.message));
  }
  if (error instanceof InvalidQueryError) {
    return error.problems.map((problem) =>
      violation(protoFieldPath(problem.field), problem.message),
    );
  }
  if (error instanceof InvalidItemCommandError) {
    return [violation(protoFieldPath(error.field), error.message)];
  }
  return [];
}

function violation(field: string, description: string): common.FieldViolation {
  return { field, code: 'INVALID', description };
}
