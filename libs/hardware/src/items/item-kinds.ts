import type { DeviceSpec } from '../model/device.js';
import type { FabricSpec } from '../model/fabric.js';
import type { EnclosureSpec, HostSpec, RackSpec, SiteSpec } from '../model/placement.js';

/**
 * Everything the inventory tracks is a hardware item: one event-sourced aggregate per item, one
 * stream per item (`<kind>-<id>`), the same life for every kind (a source observes it, operators
 * label, cordon and retire it, it can go missing). Event types carry the kind
 * (`DeviceCordoned`, `HostRegistered`), so consumers read facts, not a generic envelope.
 */
export interface ItemSpecs {
  site: SiteSpec;
  rack: RackSpec;
  enclosure: EnclosureSpec;
  host: HostSpec;
  device: DeviceSpec;
  fabric: FabricSpec;
}

export type ItemKind = keyof ItemSpecs;

export const itemKinds = [
  'site',
  'rack',
  'enclosure',
  'host',
  'device',
  'fabric',
] as const satisfies readonly ItemKind[];

/** The prefix of each kind's event types: `Device` + `Cordoned`. */
export const eventPrefixOf = {
  site: 'Site',
  rack: 'Rack',
  enclosure: 'Enclosure',
  host: 'Host',
  device: 'Device',
  fabric: 'Fabric',
} as const satisfies Record<ItemKind, string>;

/** The event-store stream of an item. */
export function itemStreamId(kind: ItemKind, id: string): string {
  return `${kind}-${id}`;
}

/** Which source declared an item: only that source may change its spec or report it missing. */
export interface SourceRef {
  readonly kind: 'manifest' | 'redfish' | 'agent';
  readonly id: string;
}

export function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
