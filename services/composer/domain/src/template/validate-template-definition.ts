import type { SpecProblem } from '../spec/index.js';
import {
  checkArray,
  checkName,
  checkObject,
  checkOneOf,
  fieldPath,
  indexPath,
  isRecord,
  type Problems,
} from '../spec/validation-kit.js';
import { checkParameterValue, placeholderIn } from './parameter-values.js';
import {
  parameterTypes,
  type TemplateDefinition,
  type TemplateParameter,
} from './template-types.js';

export type TemplateDefinitionValidation =
  | { readonly ok: true; readonly definition: TemplateDefinition }
  | { readonly ok: false; readonly problems: readonly SpecProblem[] };

const definitionFields = ['name', 'description', 'parameters', 'body'] as const;
const parameterFields = [
  'name',
  'type',
  'description',
  'default',
  'min',
  'max',
  'allowed',
] as const;
const parameterName = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const maxParameters = 32;
const maxDescription = 1000;

/**
 * Accepts a template definition or lists every problem with its path. The body is checked for
 * shape only (an object whose placeholders name declared parameters, each a whole string value);
 * whether it makes a valid spec is known once parameters and overrides are given, at rendering.
 */
export function validateTemplateDefinition(input: unknown): TemplateDefinitionValidation {
  const problems: Problems = [];
  if (!checkObject(input, definitionFields, '', problems)) return { ok: false, problems };
  checkName(input.name, 'name', problems);
  checkDescription(input.description, 'description', problems);
  const declared = checkParameters(input.parameters, problems);
  if (!isRecord(input.body)) {
    problems.push({ path: 'body', message: 'must be an object shaped like a composition spec' });
  } else {
    if (input.body.template !== undefined) {
      problems.push({ path: 'body.template', message: 'is set when the template is rendered' });
    }
    checkPlaceholders(input.body, 'body', declared, problems);
  }
  return problems.length === 0
    ? { ok: true, definition: input as unknown as TemplateDefinition }
    : { ok: false, problems };
}

function checkDescription(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'string' || value.length > maxDescription) {
    problems.push({ path, message: `must be a string of at most ${maxDescription} characters` });
  }
}

/** Checks each declaration; answers the names declared (valid or not, to judge placeholders). */
function checkParameters(value: unknown, problems: Problems): Set<string> {
  const names = new Set<string>();
  if (!checkArray(value, { min: 0, max: maxParameters }, 'parameters', problems)) return names;
  value.forEach((parameter, index) => {
    const path = indexPath('parameters', index);
    if (!checkObject(parameter, parameterFields, path, problems)) return;
    const name = parameter.name;
    if (typeof name !== 'string' || !parameterName.test(name)) {
      problems.push({
        path: `${path}.name`,
        message: 'must be a letter or "_", then letters, digits or "_"',
      });
    } else if (names.has(name)) {
      problems.push({ path: `${path}.name`, message: `"${name}" is declared twice` });
    } else {
      names.add(name);
    }
    checkDeclaration(parameter, path, problems);
  });
  return names;
}

function checkDeclaration(
  parameter: Record<string, unknown>,
  path: string,
  problems: Problems,
): void {
  const type = parameter.type;
  if (!checkOneOf(type, parameterTypes, 'a parameter type', fieldPath(path, 'type'), problems)) {
    return;
  }
  if (parameter.description !== undefined) {
    checkDescription(parameter.description, fieldPath(path, 'description'), problems);
  }
  const before = problems.length;
  for (const bound of ['min', 'max'] as const) {
    const given = parameter[bound];
    if (given === undefined) continue;
    if (type !== 'number') {
      problems.push({ path: fieldPath(path, bound), message: 'applies to number parameters only' });
    } else if (typeof given !== 'number' || !Number.isFinite(given)) {
      problems.push({ path: fieldPath(path, bound), message: 'must be a finite number' });
    }
  }
  const { min, max } = parameter;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problems.push({ path: fieldPath(path, 'max'), message: `must not be below min (${min})` });
  }
  checkAllowed(parameter.allowed, type, fieldPath(path, 'allowed'), problems);
  if (parameter.default !== undefined && problems.length === before) {
    const declaration = parameter as unknown as TemplateParameter;
    checkParameterValue(declaration, parameter.default, fieldPath(path, 'default'), problems);
  }
}

function checkAllowed(value: unknown, type: string, path: string, problems: Problems): void {
  if (value === undefined) return;
  if (type === 'boolean') {
    problems.push({ path, message: 'applies to number and string parameters only' });
    return;
  }
  if (!checkArray(value, { min: 1, max: 64 }, path, problems)) return;
  value.forEach((item, index) => {
    if (typeof item !== type) {
      problems.push({ path: indexPath(path, index), message: `must be a ${type}` });
    }
  });
}

/** Every `${...}` in a string must be the whole value and name a declared parameter. */
function checkPlaceholders(
  value: unknown,
  path: string,
  declared: ReadonlySet<string>,
  problems: Problems,
): void {
  if (typeof value === 'string') {
    const name = placeholderIn(value);
    if (name !== undefined && !declared.has(name)) {
      problems.push({ path, message: `names "${name}", which is not a declared parameter` });
    } else if (name === undefined && value.includes('${')) {
      problems.push({ path, message: 'a placeholder must be the whole value, as "${name}"' });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkPlaceholders(item, indexPath(path, index), declared, problems);
    });
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkPlaceholders(item, fieldPath(path, key), declared, problems);
    }
  }
}
