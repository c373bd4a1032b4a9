import { type CandidateIndex, deviceKinds } from '../scheduler/index.js';
import type { KindCapacity } from './capacity-types.js';
import { isSchedulable, reachableDevices } from './usable-devices.js';

/**
 * Per device kind (in `deviceKinds` order, kinds without devices left out): total, schedulable,
 * in use, promised (in `excluded`, schedulable, not in use) and free devices. Counts devices some
 * host reaches: a device without a route cannot serve any composition.
 */
export function capacityByKind(
  index: CandidateIndex,
  excluded: ReadonlySet<string> = new Set(),
): KindCapacity[] {
  const byKind = reachableDevices(index);
  return deviceKinds.flatMap((kind) => {
    const devices = [...(byKind.get(kind)?.values() ?? [])];
    if (devices.length === 0) return [];
    let schedulable = 0;
    let inUse = 0;
    let promised = 0;
    let free = 0;
    for (const candidate of devices) {
      const usable = isSchedulable(candidate);
      if (usable) schedulable += 1;
      if (candidate.allocations > 0) inUse += 1;
      else if (usable && excluded.has(candidate.device.id)) promised += 1;
      else if (usable) free += 1;
    }
    return [{ kind, total: devices.length, schedulable, inUse, promised, free }];
  });
}
