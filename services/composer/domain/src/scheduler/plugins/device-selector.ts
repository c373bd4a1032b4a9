import { type Candidate, type DeviceRecord } from '../candidate-index.js';
import { type DeviceFilterPlugin, type GroupContext } from '../framework.js';
import { hasLabels, type DeviceSelector, type NumericOperator } from '../scheduling-request.js';
import { success, unschedulable, type Status } from '../status.js';

/** The demand's kind, every selector and every label. */
export const deviceSelectorPlugin = {
  name: 'DeviceSelector',
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const { device } = candidate;
    const { demand } = context;
    if (device.kind !== demand.kind) return unschedulable(`not a ${demand.kind}`);
    const failed = demand.selectors?.find((selector) => !matches(device, selector));
    if (failed) return unschedulable(`does not match ${describe(failed)}`);
    if (!hasLabels(device.labels, demand.labels)) return unschedulable('labels do not match');
    return success;
  },
} as const satisfies DeviceFilterPlugin;

export function matches(device: DeviceRecord, selector: DeviceSelector): boolean {
  if ('attribute' in selector) {
    const actual = device.attributes[selector.attribute];
    return actual !== undefined && compare(actual, selector.op, selector.value);
  }
  const included = selector.values.includes(device[selector.field]);
  switch (selector.op) {
    case 'in':
      return included;
    case 'notIn':
      return !included;
  }
}

function compare(actual: number, op: NumericOperator, value: number): boolean {
  switch (op) {
    case 'lt':
      return actual < value;
    case 'lte':
      return actual <= value;
    case 'eq':
      return actual === value;
    case 'ne':
      return actual !== value;
    case 'gte':
      return actual >= value;
    case 'gt':
      return actual > value;
  }
}

function describe(selector: DeviceSelector): string {
  if ('attribute' in selector) return `${selector.attribute} ${selector.op} ${selector.value}`;
  return `${selector.field} ${selector.op} [${selector.values.join(', ')}]`;
}
