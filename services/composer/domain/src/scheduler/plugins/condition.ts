import { type Candidate, type Health, type Lifecycle } from '../candidate-index.js';
import { type DeviceFilterPlugin, type HostFilterPlugin } from '../framework.js';
import { success, unschedulable, type Status } from '../status.js';

/**
 * Lifecycles the scheduler may choose from. `reserved` and `attached` stay eligible because
 * sharing is decided by the ledger's usage (see DeviceCapacity), not by the inventory's label.
 */
const eligibleLifecycles: Readonly<Record<Lifecycle, boolean>> = {
  available: true,
  reserved: true,
  attached: true,
  discovered: false,
  cordoned: false,
  failed: false,
  missing: false,
  retired: false,
};

function condition(item: {
  readonly health: Health;
  readonly lifecycle: Lifecycle;
  readonly schedulable: boolean;
}): Status {
  if (!item.schedulable) return unschedulable('marked unschedulable');
  if (item.health === 'critical') return unschedulable('health is critical');
  if (!eligibleLifecycles[item.lifecycle]) return unschedulable(`lifecycle is ${item.lifecycle}`);
  return success;
}

/** Never a cordoned, failed, missing, retired, merely discovered or critical host. */
export const hostConditionPlugin = {
  name: 'HostCondition',
  filterHost: (host) => condition(host),
} as const satisfies HostFilterPlugin;

/** Never a cordoned, failed, missing, retired, merely discovered or critical device. */
export const deviceConditionPlugin = {
  name: 'DeviceCondition',
  perDevice: true,
  filterDevice: (candidate: Candidate) => condition(candidate.device),
} as const satisfies DeviceFilterPlugin;
