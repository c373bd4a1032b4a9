import { type Candidate, type DeviceRecord } from '../candidate-index.js';
import { type DeviceFilterPlugin, type GroupContext } from '../framework.js';
import { hasLabels, type DeviceSelector, type NumericOperator } from '../scheduling-request.js';
import { type Failure, success, unschedulable, type Status } from '../status.js';

/** The demand's kind, every selector and every label. */
export const deviceSelectorPlugin = {
  name: 'DeviceSelector',
  perDevice: true,
  filterDevice(candidate: Candidate, context: GroupContext): Status {
    const { device } = candidate;
    const { demand } = context;
    if (device.kind !== demand.kind) return unschedulable(`not a ${demand.kind}`);
    const { selectors } = demand;
    if (selectors !== undefined) {
      for (const selector of selectors) if (!matches(device, selector)) return mismatchOf(selector);
    }
    if (!hasLabels(device.labels, demand.labels)) return labelsDoNotMatch;
    return success;
  },
} as const satisfies DeviceFilterPlugin;

const labelsDoNotMatch = unschedulable('labels do not match');

/** One refusal per selector, built the first time it refuses a device. */
const mismatches = new WeakMap<DeviceSelector, Failure>();

function mismatchOf(selector: DeviceSelector): Failure {
  let refusal = mismatches.get(selector);
  if (!refusal)
    mismatches.set(selector, (refusal = unschedulable(`does not match ${describe(selector)}`)));
  return refusal;
}

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
