import type {
  Assignment,
  AttributeSelector,
  CompositionSpec,
  DeviceGroupShape,
  scheduler,
  UnschedulableGroup,
} from '@tessera/composer-domain';

const numericOperators = {
  '<': 'lt',
  '<=': 'lte',
  '=': 'eq',
  '!=': 'ne',
  '>=': 'gte',
  '>': 'gt',
} as const satisfies Record<string, scheduler.NumericOperator>;

/** What the scheduler is asked for a validated spec: the same request in its vocabulary. */
export function schedulingRequestOf(spec: CompositionSpec): scheduler.SchedulingRequest {
  return {
    tenant: spec.tenant,
    host: spec.host,
    groups: spec.groups.map(({ name, alternatives, ...shape }) => ({
      name,
      ...demandOf(shape),
      alternatives: alternatives?.map(demandOf),
    })),
  };
}

function demandOf(shape: DeviceGroupShape): scheduler.DeviceDemand {
  return {
    kind: shape.kind,
    count: shape.count,
    selectors: shape.selectors?.map(selectorOf),
    labels: shape.labels,
    constraints: shape.constraints,
  };
}

function selectorOf(selector: AttributeSelector): scheduler.DeviceSelector {
  if ('attribute' in selector) {
    return {
      attribute: selector.attribute,
      op: numericOperators[selector.op],
      value: selector.value,
    };
  }
  return {
    field: selector.field,
    op: selector.op === 'in' ? 'in' : 'notIn',
    values: selector.values,
  };
}

export function assignmentOf(decision: scheduler.Decision): Assignment {
  return {
    hostId: decision.hostId,
    groups: decision.groups.map(({ name, deviceIds }) => ({ group: name, deviceIds })),
  };
}

/** Per group, one line saying why nothing fitted and which filters removed how many devices. */
export function unschedulableGroupsOf(outcome: scheduler.Unschedulable): UnschedulableGroup[] {
  return outcome.groups.map((group) => ({
    group: group.name,
    why: [
      withTally(group.reason, group.filteredBy),
      ...group.alternatives.map(
        (alternative, at) =>
          `alternative ${at + 1}: ${withTally(alternative.reason, alternative.filteredBy)}`,
      ),
    ].join('; '),
  }));
}

function withTally(reason: string, filteredBy: Readonly<Record<string, number>>): string {
  const removed = Object.entries(filteredBy).map(([plugin, count]) => `${plugin} ${count}`);
  return removed.length === 0 ? reason : `${reason} (devices removed: ${removed.join(', ')})`;
}
