import { type JsonObject, linksAt, objectsAt } from './redfish-json.js';
import { type Member, type RedfishReader } from './redfish-reader.js';

/** The Redfish schema a device candidate comes from; it decides how the device is read. */
export type DeviceSourceKind =
  | 'drive'
  | 'processor'
  | 'memory'
  | 'memory-chunk'
  | 'network-adapter'
  | 'ethernet-interface'
  | 'simple-storage-device';

/**
 * A resource that may be a device. Some turn out not to be (a CPU or a DIMM belongs to its host).
 * `uri` identifies it; an inline SimpleStorage device gets `<SimpleStorage path>/Devices/<index>`.
 * `chassisUri` is where the listing says it sits, when the listing says so.
 */
export interface DeviceSource {
  readonly uri: string;
  readonly kind: DeviceSourceKind;
  readonly resource: JsonObject;
  readonly chassisUri?: string;
}

function sourcesAt(
  reader: RedfishReader,
  uris: readonly string[],
  kind: DeviceSourceKind,
  referrer: string,
): DeviceSource[] {
  return uris.flatMap((uri) => {
    const resource = reader.get(uri, referrer);
    return resource === undefined ? [] : [{ uri, kind, resource }];
  });
}

const asSources = (members: readonly Member[], kind: DeviceSourceKind): DeviceSource[] =>
  members.map(({ uri, resource }) => ({ uri, kind, resource }));

function driveSourcesOfStorage(reader: RedfishReader, storages: readonly Member[]) {
  return storages.flatMap(({ uri, resource }) =>
    sourcesAt(reader, linksAt(resource, 'Drives'), 'drive', uri),
  );
}

const linkedMembers = (reader: RedfishReader, uris: readonly string[], referrer: string) =>
  uris.flatMap((uri): Member[] => {
    const resource = reader.get(uri, referrer);
    return resource === undefined ? [] : [{ uri, resource }];
  });

/** A NetworkInterface stands for its NetworkAdapter: the adapter is the device. */
function adapterSourcesOfInterfaces(reader: RedfishReader, interfaces: readonly Member[]) {
  return interfaces.flatMap(({ uri, resource }) =>
    sourcesAt(reader, linksAt(resource, 'Links', 'NetworkAdapter'), 'network-adapter', uri),
  );
}

/** SimpleStorage lists its devices inline, without paths of their own. */
function simpleStorageSources(reader: RedfishReader, uris: readonly string[], referrer: string) {
  return linkedMembers(reader, uris, referrer).flatMap(({ uri, resource }) => {
    const chassisUri = linksAt(resource, 'Links', 'Chassis')[0];
    return objectsAt(resource, 'Devices').map((device, index): DeviceSource => ({
      uri: `${uri}/Devices/${index}`,
      kind: 'simple-storage-device',
      resource: device,
      ...(chassisUri === undefined ? {} : { chassisUri }),
    }));
  });
}

/** The device candidates a resource block lists (its ComputerSystems are hosts, not devices). */
export function blockDeviceSources(
  reader: RedfishReader,
  block: JsonObject,
  blockUri: string,
): DeviceSource[] {
  const linked = (property: string) => linkedMembers(reader, linksAt(block, property), blockUri);
  return [
    ...asSources(linked('Drives'), 'drive'),
    ...driveSourcesOfStorage(reader, linked('Storage')),
    ...simpleStorageSources(reader, linksAt(block, 'SimpleStorage'), blockUri),
    ...asSources(linked('Processors'), 'processor'),
    ...asSources(linked('Memory'), 'memory'),
    ...asSources(linked('EthernetInterfaces'), 'ethernet-interface'),
    ...adapterSourcesOfInterfaces(reader, linked('NetworkInterfaces')),
  ];
}

/**
 * The device candidates inside a host system. Its EthernetInterfaces are the host's own
 * interfaces, not devices; its NetworkInterfaces lead to adapters, which are.
 */
export function systemDeviceSources(
  reader: RedfishReader,
  system: JsonObject,
  systemUri: string,
): DeviceSource[] {
  const members = (property: string) => reader.memberResources(system, systemUri, property);
  return [
    ...asSources(members('Processors'), 'processor'),
    ...asSources(members('Memory'), 'memory'),
    ...driveSourcesOfStorage(reader, members('Storage')),
    ...adapterSourcesOfInterfaces(reader, members('NetworkInterfaces')),
  ];
}

/** Memory chunks of the chassis' memory domains (pooled CXL memory lives there). */
function memoryChunkSources(reader: RedfishReader, chassis: JsonObject, chassisUri: string) {
  return reader
    .memberResources(chassis, chassisUri, 'MemoryDomains')
    .flatMap((domain) =>
      asSources(
        reader.memberResources(domain.resource, domain.uri, 'MemoryChunks'),
        'memory-chunk',
      ),
    );
}

/** The device candidates a chassis holds. */
export function chassisDeviceSources(
  reader: RedfishReader,
  chassis: JsonObject,
  chassisUri: string,
): DeviceSource[] {
  const members = (property: string) => reader.memberResources(chassis, chassisUri, property);
  const drives = members('Drives');
  const listed = new Set(drives.map((drive) => drive.uri));
  const linkedDrives = linksAt(chassis, 'Links', 'Drives').filter((uri) => !listed.has(uri));
  return [
    ...asSources(drives, 'drive'),
    ...sourcesAt(reader, linkedDrives, 'drive', chassisUri),
    ...asSources(members('NetworkAdapters'), 'network-adapter'),
    ...asSources(members('Processors'), 'processor'),
    ...memoryChunkSources(reader, chassis, chassisUri),
  ];
}

/** The drives of a storage subsystem of the service root's Storage collection. */
export function storageServiceDeviceSources(
  reader: RedfishReader,
  storageUri: string,
  referrer: string,
): DeviceSource[] {
  return driveSourcesOfStorage(reader, linkedMembers(reader, [storageUri], referrer));
}
