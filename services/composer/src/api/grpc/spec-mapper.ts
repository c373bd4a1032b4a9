import type {
  AttributeSelector,
  CompositionSpec,
  DeviceGroupShape,
  GroupConstraints,
} from '@tessera/composer-domain';
import type { composer } from '@tessera/contracts';
import { hostInputOf, nonEmptyLabels, shapeInputOf } from './spec-input-parts.js';
import { templateRefOf, templateSpecInputOf } from './template-spec-mapper.js';

/**
 * A request's spec as the domain's validator reads it (field names as in the domain, absent
 * fields left out). Nothing is checked here: `validateCompositionSpec` reports every problem
 * with its path, which the error filter renames to the request's fields (`specFieldPath`).
 */
export function specInputOf(spec: composer.CompositionSpec | undefined): unknown {
  if (spec === undefined) return undefined;
  if (spec.template !== undefined) return templateSpecInputOf(spec, spec.template);
  return {
    name: spec.name,
    tenant: spec.tenant,
    ...nonEmptyLabels('labels', spec.labels),
    host: hostInputOf(spec),
    groups: spec.groups.map(groupInputOf),
    ...(spec.healing === undefined
      ? {}
      : { healing: { replaceFailed: spec.healing.replaceFailed } }),
    ...(spec.priority === undefined ? {} : { priority: spec.priority }),
  };
}

/** A request's device group as `validateDeviceGroup` reads it (see `specInputOf`). */
export function groupInputOf(group: composer.DeviceGroup | undefined): unknown {
  if (group === undefined) return undefined;
  return {
    name: group.name,
    ...shapeInputOf(group),
    ...(group.alternatives.length === 0
      ? {}
      : { alternatives: group.alternatives.map(shapeInputOf) }),
  };
}

/** A stored (validated) spec as the API shows it. */
export function specOf(spec: CompositionSpec): composer.CompositionSpec {
  const host = spec.host;
  return {
    name: spec.name,
    tenant: spec.tenant,
    labels: { ...spec.labels },
    ...('hostId' in host
      ? { hostId: host.hostId }
      : {
          hostSelector: {
            minCores: host.selector.minCores,
            minMemoryGib: host.selector.minMemoryGiB,
            labels: { ...host.selector.labels },
            site: host.selector.site,
            rack: host.selector.rack,
          },
        }),
    groups: spec.groups.map((group) => ({
      name: group.name,
      ...shapeOf(group),
      alternatives: (group.alternatives ?? []).map(shapeOf),
    })),
    healing: spec.healing && { replaceFailed: spec.healing.replaceFailed },
    priority: spec.priority,
    template: spec.template && templateRefOf(spec.template),
  };
}

function shapeOf(shape: DeviceGroupShape): composer.DeviceGroupAlternative {
  return {
    kind: shape.kind,
    count: shape.count,
    selectors: (shape.selectors ?? []).map(selectorOf),
    labels: { ...shape.labels },
    constraints: shape.constraints && constraintsOf(shape.constraints),
  };
}

function selectorOf(selector: AttributeSelector): composer.DeviceSelector {
  return 'attribute' in selector
    ? {
        attribute: selector.attribute,
        field: '',
        op: selector.op,
        value: selector.value,
        values: [],
      }
    : {
        attribute: '',
        field: selector.field,
        op: selector.op,
        value: 0,
        values: [...selector.values],
      };
}

function constraintsOf(constraints: GroupConstraints): composer.GroupConstraints {
  return {
    sameSwitchAs: constraints.sameSwitchAs ?? '',
    maxHops: constraints.maxHops,
    spreadAcross: constraints.spreadAcross ?? '',
    allowShared: constraints.allowShared ?? false,
  };
}
