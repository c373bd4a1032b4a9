import type { SpecProblem } from './spec-problems.js';

/**
 * Small checks shared by the spec validators. Each reports what is wrong into `problems` and
 * says whether the value passed, so a validator carries on and reports every problem at once.
 */
export type Problems = SpecProblem[];

export function fieldPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `value` is an object; reports each field it has beyond `known`. */
export function checkObject(
  value: unknown,
  known: readonly string[],
  path: string,
  problems: Problems,
): value is Record<string, unknown> {
  if (!isRecord(value)) {
    problems.push({ path, message: 'must be an object' });
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      problems.push({ path: fieldPath(path, key), message: 'is not a known field' });
    }
  }
  return true;
}

const nameSyntax = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Names of compositions, tenants and groups: DNS labels, so they fit in host names and URLs. */
export function checkName(value: unknown, path: string, problems: Problems): boolean {
  if (typeof value === 'string' && nameSyntax.test(value)) {
    return true;
  }
  problems.push({
    path,
    message: 'must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
  });
  return false;
}

export function checkText(value: unknown, path: string, problems: Problems): boolean {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 253) {
    return true;
  }
  problems.push({ path, message: 'must be a non-empty string of at most 253 characters' });
  return false;
}

export function checkInteger(
  value: unknown,
  range: { readonly min: number; readonly max: number },
  path: string,
  problems: Problems,
): boolean {
  if (Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max) {
    return true;
  }
  problems.push({ path, message: `must be an integer from ${range.min} to ${range.max}` });
  return false;
}

export function checkPositiveNumber(value: unknown, path: string, problems: Problems): boolean {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return true;
  }
  problems.push({ path, message: 'must be a number greater than 0' });
  return false;
}

export function checkBoolean(value: unknown, path: string, problems: Problems): boolean {
  if (typeof value === 'boolean') {
    return true;
  }
  problems.push({ path, message: 'must be true or false' });
  return false;
}

/** Checks that `value` is one of `allowed`; `what` names the set in the message. */
export function checkOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  what: string,
  path: string,
  problems: Problems,
): value is T {
  if (allowed.some((candidate) => candidate === value)) {
    return true;
  }
  const shown = typeof value === 'string' ? `"${value}"` : 'this';
  problems.push({ path, message: `${shown} is not ${what} (expected ${allowed.join(', ')})` });
  return false;
}

const labelKey =
  /^([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/;
const maxLabels = 64;

/** Labels follow the inventory's (and Kubernetes') syntax, so selectors can match them. */
export function checkLabels(value: unknown, path: string, problems: Problems): boolean {
  if (!isRecord(value)) {
    problems.push({ path, message: 'must be an object of label keys to string values' });
    return false;
  }
  const before = problems.length;
  const entries = Object.entries(value);
  if (entries.length > maxLabels) {
    problems.push({ path, message: `must have at most ${maxLabels} labels` });
  }
  for (const [key, labelValueGiven] of entries) {
    const at = `${path}["${key}"]`;
    if (!labelKey.test(key)) {
      problems.push({ path: at, message: 'is not a valid label key' });
    } else if (typeof labelValueGiven !== 'string' || !labelValue.test(labelValueGiven)) {
      problems.push({
        path: at,
        message:
          'must be up to 63 letters, digits, ".", "_" or "-", starting and ending alphanumeric',
      });
    }
  }
  return problems.length === before;
}

/** Checks that `value` is an array with a length in `range`; the caller checks the items. */
export function checkArray(
  value: unknown,
  range: { readonly min: number; readonly max: number },
  path: string,
  problems: Problems,
): value is unknown[] {
  if (Array.isArray(value) && value.length >= range.min && value.length <= range.max) {
    return true;
  }
  problems.push({
    path,
    message:
      range.min === range.max
        ? `must be a list of ${range.min}`
        : `must be a list of ${range.min} to ${range.max} items`,
  });
  return false;
}
