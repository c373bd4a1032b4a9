import { type Metadata, status } from '@grpc/grpc-js';
import {
  CompositionSpecInvalidError,
  InvalidCapacityQuestionError,
  InvalidCompositionCommandError,
  InvalidLeaseError,
  InvalidQuotaError,
  TemplateDefinitionInvalidError,
} from '@tessera/composer-domain';
import { type common, errorDetailMetadata } from '@tessera/contracts';
import { isTesseraError } from '@tessera/errors';
import { ExpansionUnschedulableError } from '../../application/lifecycle/index.js';
import { InvalidQueryError } from '../../application/queries/index.js';
import { InvalidHoldDurationError } from '../../application/reserve/index.js';
import { protoFieldPath, specFieldPath, templateFieldPath } from './field-paths.js';

/** What a failed call sends: the status, its text, and the ErrorDetail in its trailers. */
export interface GrpcFailure {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;
}

/** The gRPC status of each error code whose status is not found by its suffix. */
const statusByCode: Readonly<Record<string, status>> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  INVALID_HOLD_DURATION: status.INVALID_ARGUMENT,
  IDEMPOTENCY_CONFLICT: status.ALREADY_EXISTS,
  COMPOSITION_ALREADY_EXISTS: status.ALREADY_EXISTS,
  COMPOSITION_INVALID_TRANSITION: status.FAILED_PRECONDITION,
  COMPOSITION_HEALING_DISABLED: status.FAILED_PRECONDITION,
  COMPOSITION_UNSCHEDULABLE: status.FAILED_PRECONDITION,
  RESERVATION_EXPIRED: status.FAILED_PRECONDITION,
  TEMPLATE_RETIRED: status.FAILED_PRECONDITION,
  LEASE_INVALID_TRANSITION: status.FAILED_PRECONDITION,
  QUOTA_EXCEEDED: status.FAILED_PRECONDITION,
  CONCURRENCY_CONFLICT: status.ABORTED,
  DEVICE_UNAVAILABLE: status.ABORTED,
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
    metadata: metadataOf(error),
  });
}

export function internalFailure(): GrpcFailure {
  return failure(status.INTERNAL, {
    code: internalErrorCode,
    message: 'the composer failed to answer; the error is logged on the server',
    fieldViolations: [],
    metadata: {},
  });
}

function failure(code: status, detail: common.ErrorDetail): GrpcFailure {
  return { code, details: detail.message, metadata: errorDetailMetadata(detail) };
}

/** One violation per problem, each naming the request field in proto names. */
function fieldViolationsOf(error: unknown): common.FieldViolation[] {
  if (error instanceof CompositionSpecInvalidError) {
    return error.problems.map((problem) => violation(specFieldPath(problem.path), problem.message));
  }
  if (error instanceof TemplateDefinitionInvalidError) {
    return error.problems.map((problem) =>
      violation(templateFieldPath(problem.path), problem.message),
    );
  }
  if (
    error instanceof InvalidCapacityQuestionError ||
    error instanceof InvalidLeaseError ||
    error instanceof InvalidQuotaError
  ) {
    return [violation(protoFieldPath(error.field), error.problem)];
  }
  if (error instanceof InvalidQueryError) {
    return error.problems.map((problem) =>
      violation(protoFieldPath(problem.field), problem.message),
    );
  }
  if (error instanceof InvalidHoldDurationError) {
    return [violation('hold_seconds', error.message)];
  }
  if (error instanceof InvalidCompositionCommandError) {
    return [violation(protoFieldPath(error.field), error.message)];
  }
  if (error instanceof ExpansionUnschedulableError) {
    // Why the scheduler found nothing for the group (or an alternative), per group.
    return error.groups.map(({ group, why }) =>
      violation('group', `${group}: ${why}`, 'UNSCHEDULABLE'),
    );
  }
  return [];
}

/** Facts about the failure a client may act on. */
function metadataOf(error: unknown): Record<string, string> {
  if (error instanceof ExpansionUnschedulableError) {
    return { composition_id: error.compositionId, group: error.group, reason: error.reason };
  }
  return {};
}

function violation(field: string, description: string, code = 'INVALID'): common.FieldViolation {
  return { field, code, description };
}
