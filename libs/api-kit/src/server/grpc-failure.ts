import { type Metadata, status } from '@grpc/grpc-js';
import { type common, errorDetailMetadata } from '@tessera/contracts';
import { isTesseraError } from '@tessera/errors';

/** What a failed call sends: the status, its text, and the ErrorDetail in its trailers. */
export interface GrpcFailure {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;
}

/** How one service's errors become gRPC failures. */
export interface GrpcErrorMapping {
  /** The gRPC status of each error code whose status is not found by its suffix (`_NOT_FOUND`). */
  readonly statusByCode: Readonly<Record<string, status>>;
  /** The request fields a known error names (none when absent). */
  readonly fieldViolationsOf?: (error: unknown) => common.FieldViolation[];
  /** Facts about a known error a client may act on (none when absent). */
  readonly metadataOf?: (error: unknown) => Record<string, string>;
  /** What the client reads when the service failed unexpectedly. */
  readonly internalMessage: string;
}

/** The code a failure nobody planned for is reported with; its message never leaves the server. */
export const internalErrorCode = 'INTERNAL';

/**
 * The gRPC failure for an error a handler threw, or undefined when the error is unexpected
 * (not a TesseraError with a known code): the caller then reports `internalFailure()` and logs
 * the error, so that internals (SQL, stack traces, hosts) never reach the client.
 */
export function grpcFailureOf(error: unknown, mapping: GrpcErrorMapping): GrpcFailure | undefined {
  if (!isTesseraError(error)) return undefined;
  const code =
    mapping.statusByCode[error.code] ??
    (error.code.endsWith('_NOT_FOUND') ? status.NOT_FOUND : undefined);
  if (code === undefined) return undefined;
  return failure(code, {
    code: error.code,
    message: error.message,
    fieldViolations: mapping.fieldViolationsOf?.(error) ?? [],
    metadata: mapping.metadataOf?.(error) ?? {},
  });
}

export function internalFailure(mapping: Pick<GrpcErrorMapping, 'internalMessage'>): GrpcFailure {
  return failure(status.INTERNAL, {
    code: internalErrorCode,
    message: mapping.internalMessage,
    fieldViolations: [],
    metadata: {},
  });
}

/** One bad request field, in proto names, for an ErrorDetail. */
export function fieldViolation(
  field: string,
  description: string,
  code = 'INVALID',
): common.FieldViolation {
  return { field, code, description };
}

function failure(code: status, detail: common.ErrorDetail): GrpcFailure {
  return { code, details: detail.message, metadata: errorDetailMetadata(detail) };
}
