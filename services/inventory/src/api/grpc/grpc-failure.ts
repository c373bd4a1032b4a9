import { status } from '@grpc/grpc-js';
import { protoFieldPath } from '@tessera/api-kit';
import { fieldViolation, type GrpcErrorMapping } from '@tessera/api-kit/server';
import type { common } from '@tessera/contracts';
import { InvalidItemCommandError, ManifestInvalidError } from '@tessera/inventory-domain';
import { InvalidQueryError } from '../../application/queries/query-errors.js';

/** How the inventory's errors become gRPC failures (the filter is @tessera/api-kit's). */
export const inventoryErrorMapping: GrpcErrorMapping = {
  statusByCode: {
    INVALID_ARGUMENT: status.INVALID_ARGUMENT,
    MANIFEST_INVALID: status.INVALID_ARGUMENT,
    INVENTORY_ITEM_RETIRED: status.FAILED_PRECONDITION,
    INVENTORY_SOURCE_CONFLICT: status.FAILED_PRECONDITION,
    CONCURRENCY_CONFLICT: status.ABORTED,
    DISCOVERY_SOURCE_EXISTS: status.ALREADY_EXISTS,
  },
  fieldViolationsOf,
  internalMessage: 'the inventory failed to answer; the error is logged on the server',
};

/** One violation per problem: request fields in proto names, manifest problems by their path. */
function fieldViolationsOf(error: unknown): common.FieldViolation[] {
  if (error instanceof ManifestInvalidError) {
    return error.problems.map((problem) => fieldViolation(problem.path, problem.message));
  }
  if (error instanceof InvalidQueryError) {
    return error.problems.map((problem) =>
      fieldViolation(protoFieldPath(problem.field), problem.message),
    );
  }
  if (error instanceof InvalidItemCommandError) {
    return [fieldViolation(protoFieldPath(error.field), error.message)];
  }
  return [];
}
