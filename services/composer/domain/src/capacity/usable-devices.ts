import {
  builtinPlugins,
  type Candidate,
  type CandidateIndex,
  type DeviceKind,
  type DeviceRecord,
  deviceKinds,
} from '../scheduler/index.js';

const deviceCondition = builtinPlugins.DeviceCondition();

/** Whether the scheduler's DeviceCondition filter would consider the device at all. */
export function isSchedulable(candidate: Candidate): boolean {
  return deviceCondition.filterDevice(candidate).code === 'success';
}

/** Every device some host reaches, per kind, with its allocations (no route: out of reach). */
export function reachableDevices(index: CandidateIndex): Map<DeviceKind, Map<string, Candidate>> {
  const byKind = new Map<DeviceKind, Map<string, Candidate>>();
  for (const host of index.hosts()) {
    for (const kind of deviceKinds) {
      for (const candidate of index.reachable(host.id, kind)) {
        let devices = byKind.get(kind);
        if (!devices) byKind.set(kind, (devices = new Map<string, Candidate>()));
        devices.set(candidate.device.id, candidate);
      }
    }
  }
  return byKind;
}

/** Marks excluded devices as full in a scratch index, so no placement chooses them. */
export function excludeDevices(index: CandidateIndex, excluded: ReadonlySet<string>): void {
  for (const deviceId of excluded) {
    const device: DeviceRecord | undefined = index.device(deviceId);
    if (device)
      index.setAllocations(
        deviceId,
        Math.max(device.maxCompositions, index.allocationsOf(deviceId)),
      );
  }
}
