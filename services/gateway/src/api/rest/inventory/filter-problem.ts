import { status } from '@grpc/grpc-js';
import { isServiceError, problemOfServiceError } from '../grpc-problem.js';
import { ApiProblem } from '../problem.js';

/**
 * The inventory names a bad filter expression `filterExpression` (its request field); the API's
 * query parameter carrying it is `filter`. Any other failure is passed on as it is.
 */
export function asFilterProblem(error: unknown): unknown {
  if (!isServiceError(error) || error.code !== status.INVALID_ARGUMENT) return error;
  const problem = problemOfServiceError(error);
  const errors = (problem.errors ?? []).map((violation) =>
    violation.field === 'filterExpression' ? { ...violation, field: 'filter' } : violation,
  );
  return new ApiProblem(problem.status, problem.code, problem.detail, errors);
}
