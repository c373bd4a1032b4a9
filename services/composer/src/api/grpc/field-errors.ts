import {
  InvalidCapacityQuestionError,
  InvalidLeaseError,
  InvalidQuotaError,
} from '@tessera/composer-domain';
import { InvalidQueryError } from '../../application/queries/index.js';
import { protoFieldPath } from './field-paths.js';

/**
 * Runs a use case whose arguments the request carries under other names: a bad argument
 * (`InvalidCapacityQuestionError`, `InvalidLeaseError`, `InvalidQuotaError`, `InvalidQueryError`)
 * is rethrown as INVALID_ARGUMENT naming the request's field: `rename[field]`, else the field in
 * proto names. Other errors pass unchanged.
 */
export async function withFieldNames<T>(
  work: Promise<T>,
  rename: Readonly<Record<string, string>>,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const problems = fieldProblemsOf(error);
    if (problems === undefined) throw error;
    throw new InvalidQueryError(
      problems.map(({ field, message }) => ({
        field: rename[field] ?? protoFieldPath(field),
        message,
      })),
    );
  }
}

function fieldProblemsOf(error: unknown): { field: string; message: string }[] | undefined {
  if (
    error instanceof InvalidCapacityQuestionError ||
    error instanceof InvalidLeaseError ||
    error instanceof InvalidQuotaError
  ) {
    return [{ field: error.field, message: error.problem }];
  }
  if (error instanceof InvalidQueryError) return [...error.problems];
  return undefined;
}
