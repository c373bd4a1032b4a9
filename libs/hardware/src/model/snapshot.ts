import type { DeviceSpec } from './device.js';
import type { FabricSpec } from './fabric.js';
import type { EnclosureSpec, HostSpec, RackSpec, SiteSpec } from './placement.js';

/**
 * Everything one source knows, in the inventory's own terms: what a manifest declares, what a
 * Redfish service or a host agent reports. Discovery and import reconcile a snapshot with the
 * store; they never trust one source to describe the others' hardware.
 */
export interface InventorySnapshot {
  readonly sites: readonly SiteSpec[];
  readonly racks: readonly RackSpec[];
  readonly enclosures: readonly EnclosureSpec[];
  readonly hosts: readonly HostSpec[];
  readonly devices: readonly DeviceSpec[];
  readonly fabrics: readonly FabricSpec[];
}

export const emptySnapshot: InventorySnapshot = {
  sites: [],
  racks: [],
  enclosures: [],
  hosts: [],
  devices: [],
  fabrics: [],
};
