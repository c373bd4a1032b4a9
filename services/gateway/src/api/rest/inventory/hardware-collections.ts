import { inventory } from '@tessera/contracts';

/** A collection of hardware under `/v1/<path>`: the items of one kind. */
export interface HardwareCollection {
  readonly path: string;
  readonly kind: inventory.ItemKind;
  /** Names its controller classes (`Hosts` → `HostsReadsController`) and OpenAPI operations. */
  readonly className: string;
}

export const devices: HardwareCollection = {
  path: 'devices',
  kind: inventory.ItemKind.ITEM_KIND_DEVICE,
  className: 'Devices',
};
export const hosts: HardwareCollection = {
  path: 'hosts',
  kind: inventory.ItemKind.ITEM_KIND_HOST,
  className: 'Hosts',
};
export const enclosures: HardwareCollection = {
  path: 'enclosures',
  kind: inventory.ItemKind.ITEM_KIND_ENCLOSURE,
  className: 'Enclosures',
};
export const fabrics: HardwareCollection = {
  path: 'fabrics',
  kind: inventory.ItemKind.ITEM_KIND_FABRIC,
  className: 'Fabrics',
};
export const racks: HardwareCollection = {
  path: 'racks',
  kind: inventory.ItemKind.ITEM_KIND_RACK,
  className: 'Racks',
};
export const sites: HardwareCollection = {
  path: 'sites',
  kind: inventory.ItemKind.ITEM_KIND_SITE,
  className: 'Sites',
};

/** A controller class, as the module lists it. */
export type ControllerClass = new (...args: never[]) => unknown;

/**
 * Names a controller class made per collection: Nest and the OpenAPI document tell controllers
 * (and operation ids, `HostsReadsController_list`) apart by class name.
 */
export function nameController(controller: ControllerClass, name: string): ControllerClass {
  return Object.defineProperty(controller, 'name', { value: name });
}

/** Ids may hold `/` and `:` (discovered hardware: `<source>:<Redfish path>`): percent-encode. */
export const itemIdParam = {
  name: 'id',
  description: 'The item id, percent-encoded (discovered ids hold "/" and ":")',
};
