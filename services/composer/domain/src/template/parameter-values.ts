import type { Problems } from '../spec/validation-kit.js';
import type { ParameterValue, TemplateParameter } from './template-types.js';

/** `${name}` as a whole string value: the only placeholder form a template body knows. */
const placeholderSyntax = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The parameter a string value names, when the whole value is one placeholder. */
export function placeholderIn(value: string): string | undefined {
  return placeholderSyntax.exec(value)?.[1];
}

/** Reports why `value` cannot be the value of `parameter`; true when it can. */
export function checkParameterValue(
  parameter: TemplateParameter,
  value: unknown,
  path: string,
  problems: Problems,
): value is ParameterValue {
  if (typeof value !== parameter.type || (typeof value === 'number' && !Number.isFinite(value))) {
    problems.push({ path, message: `must be a ${parameter.type}` });
    return false;
  }
  const before = problems.length;
  if (typeof value === 'number') {
    if (parameter.min !== undefined && value < parameter.min) {
      problems.push({ path, message: `must be at least ${parameter.min}` });
    }
    if (parameter.max !== undefined && value > parameter.max) {
      problems.push({ path, message: `must be at most ${parameter.max}` });
    }
  }
  if (parameter.allowed !== undefined && !parameter.allowed.some((allowed) => allowed === value)) {
    const listed = parameter.allowed.map((allowed) => JSON.stringify(allowed)).join(', ');
    problems.push({ path, message: `must be one of ${listed}` });
  }
  return problems.length === before;
}
