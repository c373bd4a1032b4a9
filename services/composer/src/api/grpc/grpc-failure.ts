import { status } from '@grpc/grpc-js';
import { fieldViolation, type GrpcErrorMapping } from '@tessera/api-kit/server';
import {
  CompositionSpecInvalidError,
  InvalidCapacityQuestionError,
  InvalidCompositionCommandError,
  InvalidLeaseError,
  InvalidQuotaError,
  TemplateDefinitionInvalidError,
} from '@tessera/composer-domain';
import type { common } from '@tessera/contracts';
import { ExpansionUnschedulableError } from '../../application/lifecycle/index.js';
import { InvalidQueryError } from '../../application/queries/index.js';
import { InvalidHoldDurationError } from '../../application/reserve/index.js';
import { protoFieldPath, specFieldPath, templateFieldPath } from './field-paths.js';

/** How the composer's errors become gRPC failures (the filter is @tessera/api-kit's). */
export const composerErrorMapping: GrpcErrorMapping = {
  statusByCode: {
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
  },
  fieldViolationsOf,
  metadataOf,
  internalMessage: 'the composer failed to answer; the error is logged on the server',
};

/** One violation per problem, each naming the request field in proto names. */
function fieldViolationsOf(error: unknown): common.FieldViolation[] {
  if (error instanceof CompositionSpecInvalidError) {
    return error.problems.map((problem) =>
      fieldViolation(specFieldPath(problem.path), problem.message),
    );
  }
  if (error instanceof TemplateDefinitionInvalidError) {
    return error.problems.map((problem) =>
      fieldViolation(templateFieldPath(problem.path), problem.message),
    );
  }
  if (
    error instanceof InvalidCapacityQuestionError ||
    error instanceof InvalidLeaseError ||
    error instanceof InvalidQuotaError
  ) {
    return [fieldViolation(protoFieldPath(error.field), error.problem)];
  }
  if (error instanceof InvalidQueryError) {
    return error.problems.map((problem) =>
      fieldViolation(protoFieldPath(problem.field), problem.message),
    );
  }
  if (error instanceof InvalidHoldDurationError) {
    return [fieldViolation('hold_seconds', error.message)];
  }
  if (error instanceof InvalidCompositionCommandError) {
    return [fieldViolation(protoFieldPath(error.field), error.message)];
  }
  if (error instanceof ExpansionUnschedulableError) {
    // Why the scheduler found nothing for the group (or an alternative), per group.
    return error.groups.map(({ group, why }) =>
      fieldViolation('group', `${group}: ${why}`, 'UNSCHEDULABLE'),
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
