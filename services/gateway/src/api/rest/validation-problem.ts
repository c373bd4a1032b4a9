import type { ValidationError } from 'class-validator';
import { ApiProblem, type FieldProblem } from './problem.js';

/** The ValidationPipe's answer: 400 naming every bad field by its path in the request. */
export function validationProblem(errors: ValidationError[]): ApiProblem {
  const problems = errors.flatMap((error) => fieldProblems(error, ''));
  const fields = [...new Set(problems.map((problem) => problem.field))].join(', ');
  return new ApiProblem(400, 'VALIDATION_FAILED', `the request is invalid: ${fields}`, problems);
}

function fieldProblems(error: ValidationError, parent: string): FieldProblem[] {
  const field = /^\d+$/.test(error.property)
    ? `${parent}[${error.property}]`
    : parent === ''
      ? error.property
      : `${parent}.${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((message) => ({
    field,
    message: message.startsWith(`property ${error.property} `)
      ? 'is not a field of this request'
      : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => fieldProblems(child, field))];
}
