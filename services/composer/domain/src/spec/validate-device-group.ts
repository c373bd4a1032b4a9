import {
  comparisonOps,
  type DeviceGroupSpec,
  listFields,
  membershipOps,
} from './composition-spec.js';
import { attributeNames, deviceKinds } from './device-kinds.js';
import {
  checkArray,
  checkBoolean,
  checkInteger,
  checkLabels,
  checkName,
  checkObject,
  checkOneOf,
  fieldPath,
  indexPath,
  isRecord,
  type Problems,
} from './validation-kit.js';
import type { SpecProblem } from './spec-problems.js';

export type GroupValidation =
  | { readonly ok: true; readonly group: DeviceGroupSpec }
  | { readonly ok: false; readonly problems: readonly SpecProblem[] };

const shapeFields = ['kind', 'count', 'selectors', 'labels', 'constraints'] as const;
const groupFields = ['name', ...shapeFields, 'alternatives'] as const;
const constraintFields = ['sameSwitchAs', 'maxHops', 'spreadAcross', 'allowShared'] as const;

export const groupCountRange = { min: 1, max: 64 } as const;
const maxSelectors = 32;
const maxAlternatives = 8;
/** Longer paths than this through a fabric are not a locality preference but a mistake. */
const maxHopsRange = { min: 0, max: 16 } as const;

/** Accepts one device group on its own (a composition's expansion) or lists its problems. */
export function validateDeviceGroup(input: unknown, path = 'group'): GroupValidation {
  const problems: Problems = [];
  checkDeviceGroup(input, path, problems);
  return problems.length === 0
    ? { ok: true, group: input as DeviceGroupSpec }
    : { ok: false, problems };
}

/** Reports every problem of one device group (`path` is where it sits, e.g. `groups[0]`). */
export function checkDeviceGroup(value: unknown, path: string, problems: Problems): void {
  if (!checkObject(value, groupFields, path, problems)) {
    return;
  }
  checkName(value.name, fieldPath(path, 'name'), problems);
  checkShapeFields(value, path, problems);
  const alternatives = value.alternatives;
  const alternativesPath = fieldPath(path, 'alternatives');
  if (
    alternatives !== undefined &&
    checkArray(alternatives, { min: 1, max: maxAlternatives }, alternativesPath, problems)
  ) {
    alternatives.forEach((alternative, index) => {
      const at = indexPath(alternativesPath, index);
      if (checkObject(alternative, shapeFields, at, problems)) {
        checkShapeFields(alternative, at, problems);
      }
    });
  }
}

function checkShapeFields(shape: Record<string, unknown>, path: string, problems: Problems): void {
  checkOneOf(shape.kind, deviceKinds, 'a device kind', fieldPath(path, 'kind'), problems);
  const count = shape.count;
  const countIsValid = checkInteger(count, groupCountRange, fieldPath(path, 'count'), problems);
  const selectors = shape.selectors;
  const selectorsPath = fieldPath(path, 'selectors');
  if (
    selectors !== undefined &&
    checkArray(selectors, { min: 0, max: maxSelectors }, selectorsPath, problems)
  ) {
    selectors.forEach((selector, index) => {
      checkSelector(selector, indexPath(selectorsPath, index), problems);
    });
  }
  if (shape.labels !== undefined) {
    checkLabels(shape.labels, fieldPath(path, 'labels'), problems);
  }
  if (shape.constraints !== undefined) {
    checkConstraints(
      shape.constraints,
      countIsValid ? (count as number) : undefined,
      fieldPath(path, 'constraints'),
      problems,
    );
  }
}

function checkSelector(value: unknown, path: string, problems: Problems): void {
  if (isRecord(value) && 'attribute' in value) {
    if (checkObject(value, ['attribute', 'op', 'value'], path, problems)) {
      const attribute = value.attribute;
      checkOneOf(attribute, attributeNames, 'an attribute', fieldPath(path, 'attribute'), problems);
      checkOneOf(value.op, comparisonOps, 'a comparison', fieldPath(path, 'op'), problems);
      if (typeof value.value !== 'number' || !Number.isFinite(value.value)) {
        problems.push({ path: fieldPath(path, 'value'), message: 'must be a finite number' });
      }
    }
    return;
  }
  if (isRecord(value) && 'field' in value) {
    if (checkObject(value, ['field', 'op', 'values'], path, problems)) {
      checkOneOf(value.field, listFields, 'a listed field', fieldPath(path, 'field'), problems);
      checkOneOf(value.op, membershipOps, 'a list operator', fieldPath(path, 'op'), problems);
      checkListValues(value.values, fieldPath(path, 'values'), problems);
    }
    return;
  }
  problems.push({
    path,
    message: 'must be { attribute, op, value } or { field: "model" | "vendor", op, values }',
  });
}

function checkListValues(value: unknown, path: string, problems: Problems): void {
  if (!checkArray(value, { min: 1, max: 64 }, path, problems)) {
    return;
  }
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.push({ path: indexPath(path, index), message: 'must be a non-empty string' });
    }
  });
}

/** `count` is the group's (or alternative's) count when valid, to judge group-wide constraints. */
function checkConstraints(
  value: unknown,
  count: number | undefined,
  path: string,
  problems: Problems,
): void {
  if (!checkObject(value, constraintFields, path, problems)) {
    return;
  }
  const sameSwitchAs = value.sameSwitchAs;
  const sameSwitchPath = fieldPath(path, 'sameSwitchAs');
  if (
    sameSwitchAs !== undefined &&
    checkOneOf(sameSwitchAs, ['host', 'group'] as const, 'a locality', sameSwitchPath, problems) &&
    sameSwitchAs === 'group' &&
    count === 1
  ) {
    problems.push({
      path: sameSwitchPath,
      message: '"group" needs a count of at least 2: one device shares a switch with nothing',
    });
  }
  if (value.maxHops !== undefined) {
    checkInteger(value.maxHops, maxHopsRange, fieldPath(path, 'maxHops'), problems);
  }
  const spreadAcross = value.spreadAcross;
  if (spreadAcross !== undefined) {
    const at = fieldPath(path, 'spreadAcross');
    checkOneOf(spreadAcross, ['enclosure', 'rack'] as const, 'a failure domain', at, problems);
  }
  if (value.allowShared !== undefined) {
    checkBoolean(value.allowShared, fieldPath(path, 'allowShared'), problems);
  }
}
