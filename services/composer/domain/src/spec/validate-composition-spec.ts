import { type CompositionSpec, defaultPriority } from './composition-spec.js';
import { type SpecProblem } from './spec-problems.js';
import { checkDeviceGroup } from './validate-device-group.js';
import {
  checkArray,
  checkBoolean,
  checkInteger,
  checkLabels,
  checkName,
  checkObject,
  checkPositiveNumber,
  checkText,
  fieldPath,
  indexPath,
  isRecord,
  type Problems,
} from './validation-kit.js';

export type SpecValidation =
  | { readonly ok: true; readonly spec: CompositionSpec }
  | { readonly ok: false; readonly problems: readonly SpecProblem[] };

const specFields = [
  'name',
  'tenant',
  'labels',
  'host',
  'groups',
  'healing',
  'priority',
  'template',
] as const;
const selectorFields = ['minCores', 'minMemoryGiB', 'labels', 'site', 'rack'] as const;
const templateFields = ['name', 'version', 'parameters'] as const;
const maxGroups = 16;

/**
 * Accepts a composition spec from any source (REST body, gRPC message, template rendering) or
 * lists every problem with its path. An accepted spec has its priority filled in, so two specs
 * that mean the same compare equal.
 */
export function validateCompositionSpec(input: unknown): SpecValidation {
  const problems: Problems = [];
  if (!checkObject(input, specFields, '', problems)) {
    return { ok: false, problems };
  }
  checkName(input.name, 'name', problems);
  checkName(input.tenant, 'tenant', problems);
  if (input.labels !== undefined) {
    checkLabels(input.labels, 'labels', problems);
  }
  checkHost(input.host, problems);
  checkGroups(input.groups, problems);
  if (
    input.healing !== undefined &&
    checkObject(input.healing, ['replaceFailed'], 'healing', problems)
  ) {
    checkBoolean(input.healing.replaceFailed, 'healing.replaceFailed', problems);
  }
  if (input.priority !== undefined) {
    checkInteger(input.priority, { min: 0, max: 1000 }, 'priority', problems);
  }
  if (input.template !== undefined) {
    checkTemplate(input.template, problems);
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const spec = input as unknown as CompositionSpec;
  return { ok: true, spec: { ...spec, priority: spec.priority ?? defaultPriority } };
}

function checkHost(value: unknown, problems: Problems): void {
  if (!checkObject(value, ['hostId', 'selector'], 'host', problems)) {
    return;
  }
  const hasId = value.hostId !== undefined;
  const hasSelector = value.selector !== undefined;
  if (hasId === hasSelector) {
    problems.push({ path: 'host', message: 'must give exactly one of hostId and selector' });
  }
  if (hasId) {
    checkText(value.hostId, 'host.hostId', problems);
  }
  if (hasSelector) {
    checkHostSelector(value.selector, 'host.selector', problems);
  }
}

function checkHostSelector(value: unknown, path: string, problems: Problems): void {
  if (!checkObject(value, selectorFields, path, problems)) {
    return;
  }
  if (value.minCores !== undefined) {
    checkInteger(value.minCores, { min: 1, max: 100_000 }, fieldPath(path, 'minCores'), problems);
  }
  if (value.minMemoryGiB !== undefined) {
    checkPositiveNumber(value.minMemoryGiB, fieldPath(path, 'minMemoryGiB'), problems);
  }
  if (value.labels !== undefined) {
    checkLabels(value.labels, fieldPath(path, 'labels'), problems);
  }
  for (const place of ['site', 'rack'] as const) {
    if (value[place] !== undefined) {
      checkText(value[place], fieldPath(path, place), problems);
    }
  }
}

function checkGroups(value: unknown, problems: Problems): void {
  if (!checkArray(value, { min: 1, max: maxGroups }, 'groups', problems)) {
    return;
  }
  const seen = new Set<unknown>();
  value.forEach((group, index) => {
    const path = indexPath('groups', index);
    checkDeviceGroup(group, path, problems);
    const name = isRecord(group) ? group.name : undefined;
    if (typeof name === 'string' && seen.has(name)) {
      problems.push({ path: `${path}.name`, message: `"${name}" is the name of an earlier group` });
    }
    seen.add(name);
  });
}

function checkTemplate(value: unknown, problems: Problems): void {
  if (!checkObject(value, templateFields, 'template', problems)) {
    return;
  }
  checkText(value.name, 'template.name', problems);
  if (value.version !== undefined) {
    checkText(value.version, 'template.version', problems);
  }
  const parameters = value.parameters;
  if (parameters === undefined) {
    return;
  }
  if (!isRecord(parameters)) {
    problems.push({ path: 'template.parameters', message: 'must be an object' });
    return;
  }
  for (const [key, parameter] of Object.entries(parameters)) {
    if (!['string', 'number', 'boolean'].includes(typeof parameter)) {
      problems.push({
        path: `template.parameters["${key}"]`,
        message: 'must be a string, a number or a boolean',
      });
    }
  }
}
