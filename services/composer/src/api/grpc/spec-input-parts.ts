import type { composer } from '@tessera/contracts';

/*
 * The pieces of a request's spec as the domain's validator reads them (field names as in the
 * domain, absent fields left out), shared by plain specs and template overrides.
 */

/** The host's oneof as the domain's `host` (`{ hostId }` or `{ selector }`; `{}` when unset). */
export function hostInputOf(spec: composer.CompositionSpec): Record<string, unknown> {
  const selector = spec.hostSelector;
  return {
    ...(spec.hostId === undefined ? {} : { hostId: spec.hostId }),
    ...(selector === undefined
      ? {}
      : {
          selector: {
            ...(selector.minCores === undefined ? {} : { minCores: selector.minCores }),
            ...(selector.minMemoryGib === undefined ? {} : { minMemoryGiB: selector.minMemoryGib }),
            ...nonEmptyLabels('labels', selector.labels),
            ...(selector.site === undefined ? {} : { site: selector.site }),
            ...(selector.rack === undefined ? {} : { rack: selector.rack }),
          },
        }),
  };
}

/** A group's shape (kind, count, selectors, labels, constraints) as the domain reads it. */
export function shapeInputOf(shape: composer.DeviceGroupAlternative): Record<string, unknown> {
  const constraints = shape.constraints && constraintsInputOf(shape.constraints);
  return {
    kind: shape.kind,
    count: shape.count,
    ...(shape.selectors.length === 0 ? {} : { selectors: shape.selectors.map(selectorInputOf) }),
    ...nonEmptyLabels('labels', shape.labels),
    ...(constraints === undefined ? {} : { constraints }),
  };
}

function selectorInputOf(selector: composer.DeviceSelector): Record<string, unknown> {
  if (selector.attribute !== '' && selector.field === '') {
    return { attribute: selector.attribute, op: selector.op, value: selector.value };
  }
  if (selector.field !== '' && selector.attribute === '') {
    return { field: selector.field, op: selector.op, values: selector.values };
  }
  // Neither or both: the validator says which shapes a selector may have.
  return {};
}

function constraintsInputOf(
  constraints: composer.GroupConstraints,
): Record<string, unknown> | undefined {
  const input = {
    ...(constraints.sameSwitchAs === '' ? {} : { sameSwitchAs: constraints.sameSwitchAs }),
    ...(constraints.maxHops === undefined ? {} : { maxHops: constraints.maxHops }),
    ...(constraints.spreadAcross === '' ? {} : { spreadAcross: constraints.spreadAcross }),
    ...(constraints.allowShared ? { allowShared: true } : {}),
  };
  return Object.keys(input).length === 0 ? undefined : input;
}

/** `{ [key]: labels }`, or nothing when there are none. */
export function nonEmptyLabels(
  key: string,
  labels: Readonly<Record<string, string>>,
): Record<string, Record<string, string>> {
  return Object.keys(labels).length === 0 ? {} : { [key]: { ...labels } };
}
