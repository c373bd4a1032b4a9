import {
  deviceAttributeNames,
  type DeviceAttributes,
  type DeviceKind,
  type EnclosureKind,
  type FabricKind,
  type Health,
  type Labels,
} from '@tessera/hardware';

/**
 * The shape of an inventory manifest as an operator writes it (YAML or JSON). This is the valid
 * shape: `parseManifest` accepts `unknown` and reports every way a document departs from it.
 * The format is documented in services/inventory/docs/manifest.md.
 */
export const manifestApiVersion = 'tessera.inventory/v1';
export const manifestKind = 'InventoryManifest';

export interface InventoryManifest {
  readonly apiVersion: typeof manifestApiVersion;
  readonly kind: typeof manifestKind;
  readonly sites?: readonly ManifestSite[];
  readonly racks?: readonly ManifestRack[];
  readonly fabrics?: readonly ManifestFabric[];
}

export interface ManifestSite {
  readonly id: string;
  readonly name: string;
}

export interface ManifestRack {
  readonly id: string;
  /** The id of a declared site. */
  readonly site: string;
  readonly name: string;
  readonly hosts?: readonly ManifestHost[];
  readonly enclosures?: readonly ManifestEnclosure[];
}

/**
 * Declares a host's (initiator) or a device's (target) endpoint on a fabric; it becomes an
 * `EndpointSpec` of that fabric. Endpoint ids are unique within their fabric, except that several
 * devices may declare one id: a shared target (an NVMe-oF subsystem port, a JBOF's port) that
 * stands for the first of them and serves the others.
 */
export interface ManifestEndpoint {
  readonly fabric: string;
  readonly id: string;
}

export interface ManifestHost {
  readonly id: string;
  /** Defaults to the id. */
  readonly name?: string;
  /** The id of a compute sled or chassis in the same rack. */
  readonly enclosure?: string;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly cpuModel?: string;
  readonly cpuCores?: number;
  readonly memoryGiB?: number;
  readonly labels?: Labels;
  readonly health?: Health;
  readonly endpoints?: readonly ManifestEndpoint[];
  /** Devices that sit in this host. */
  readonly devices?: readonly ManifestDevice[];
}

export interface ManifestEnclosure {
  readonly id: string;
  readonly kind: EnclosureKind;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly labels?: Labels;
  readonly devices?: readonly ManifestDevice[];
}

/** A device with its typed attributes flat on it (`capacityTB`, `memoryGiB`, ...). */
export interface ManifestDevice extends DeviceAttributes {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly firmware?: string;
  /** Defaults to 1 (exclusive). */
  readonly maxCompositions?: number;
  readonly labels?: Labels;
  readonly health?: Health;
  readonly endpoints?: readonly ManifestEndpoint[];
}

export interface ManifestFabric {
  readonly id: string;
  readonly kind: FabricKind;
  readonly switches?: readonly ManifestSwitch[];
  readonly links?: readonly ManifestLink[];
  readonly zones?: readonly ManifestZone[];
  readonly connections?: readonly ManifestConnection[];
}

export interface ManifestSwitch {
  readonly id: string;
  readonly vendor?: string;
  readonly model?: string;
  readonly ports: readonly ManifestPort[];
  readonly partitions?: readonly ManifestPartition[];
}

export interface ManifestPort {
  readonly id: string;
  readonly bandwidthGbps?: number;
}

export interface ManifestPartition {
  readonly id: string;
  /** Port ids of the same switch. */
  readonly ports: readonly string[];
}

/**
 * A link between two ends, each written `<switchId>/<portId>` for a switch port or
 * `ep:<endpointId>` for an endpoint of the same fabric.
 */
export interface ManifestLink {
  readonly from: string;
  readonly to: string;
}

/** How a link end names an endpoint; any other end is `<switchId>/<portId>`. */
export const endpointLinkPrefix = 'ep:';

/** A link end for an endpoint: `ep:fra1-r01-h01.pcie`. */
export function endpointEnd(endpointId: string): string {
  return `${endpointLinkPrefix}${endpointId}`;
}

/** A link end for a switch port: `fra1-r01-leaf/et1`. */
export function switchPortEnd(switchId: string, portId: string): string {
  return `${switchId}/${portId}`;
}

export interface ManifestZone {
  readonly id: string;
  readonly endpoints: readonly string[];
}

export interface ManifestConnection {
  readonly id: string;
  /** Host endpoint ids. */
  readonly initiators: readonly string[];
  /** Device endpoint ids. */
  readonly targets: readonly string[];
}

/** The fields each part of a manifest may carry; anything else is reported as unknown. */
export const manifestFields = {
  document: ['apiVersion', 'kind', 'sites', 'racks', 'fabrics'],
  site: ['id', 'name'],
  rack: ['id', 'site', 'name', 'hosts', 'enclosures'],
  host: [
    'id',
    'name',
    'enclosure',
    'vendor',
    'model',
    'serial',
    'cpuModel',
    'cpuCores',
    'memoryGiB',
    'labels',
    'health',
    'endpoints',
    'devices',
  ],
  enclosure: ['id', 'kind', 'vendor', 'model', 'serial', 'labels', 'devices'],
  device: [
    'id',
    'kind',
    'vendor',
    'model',
    'serial',
    'firmware',
    ...deviceAttributeNames,
    'maxCompositions',
    'labels',
    'health',
    'endpoints',
  ],
  endpoint: ['fabric', 'id'],
  fabric: ['id', 'kind', 'switches', 'links', 'zones', 'connections'],
  switch: ['id', 'vendor', 'model', 'ports', 'partitions'],
  port: ['id', 'bandwidthGbps'],
  partition: ['id', 'ports'],
  link: ['from', 'to'],
  zone: ['id', 'endpoints'],
  connection: ['id', 'initiators', 'targets'],
} as const satisfies {
  document: readonly (keyof InventoryManifest)[];
  site: readonly (keyof ManifestSite)[];
  rack: readonly (keyof ManifestRack)[];
  host: readonly (keyof ManifestHost)[];
  enclosure: readonly (keyof ManifestEnclosure)[];
  device: readonly (keyof ManifestDevice)[];
  endpoint: readonly (keyof ManifestEndpoint)[];
  fabric: readonly (keyof ManifestFabric)[];
  switch: readonly (keyof ManifestSwitch)[];
  port: readonly (keyof ManifestPort)[];
  partition: readonly (keyof ManifestPartition)[];
  link: readonly (keyof ManifestLink)[];
  zone: readonly (keyof ManifestZone)[];
  connection: readonly (keyof ManifestConnection)[];
};

export type ManifestPart = keyof typeof manifestFields;
