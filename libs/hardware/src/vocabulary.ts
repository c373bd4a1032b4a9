/**
 * The hardware vocabulary every service shares: what kinds of pooled device exist, which typed
 * attributes they carry (units in the names), and the health and lifecycle states the inventory
 * keeps. One list, so that the inventory and the composer can never disagree on a name.
 */
export const deviceKinds = [
  'gpu',
  'nvme',
  'ssd',
  'hdd',
  'nic',
  'dpu',
  'fpga',
  'cxl-memory',
  'pmem',
  'accelerator',
] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const deviceAttributeNames = [
  'memoryGiB',
  'capacityTB',
  'pcieGeneration',
  'pcieLanes',
  'bandwidthGbps',
  'numaNode',
] as const;
export type DeviceAttributeName = (typeof deviceAttributeNames)[number];

/** Reported condition; `critical` devices are never scheduled. */
export const healthStates = ['ok', 'warning', 'critical'] as const;
export type Health = (typeof healthStates)[number];

/** Free-form key/value labels, as in Kubernetes: `team=render`, `tier=gold`. */
export type Labels = Readonly<Record<string, string>>;
