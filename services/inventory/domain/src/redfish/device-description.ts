import { type DeviceAttributes, type DeviceKind, type Health } from '@tessera/hardware';
import { type DeviceSource } from './device-sources.js';
import {
  driveKindOf,
  healthOf,
  isAbsent,
  memoryRoleOf,
  pcieGenerationOf,
  processorKindOf,
} from './redfish-enums.js';
import { type JsonObject, linksAt, numberAt, objectsAt, textAt, textsAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';

/** What a device source says about the device, in the inventory's terms and units. */
export interface DeviceDescription {
  readonly kind: DeviceKind;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly firmware?: string;
  readonly attributes: DeviceAttributes;
  readonly health?: Health;
}

const unknown = 'unknown';

/** Decimal units, rounded to what a person would read off a spec sheet. */
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const bytesToTB = (bytes: number | undefined) =>
  bytes === undefined ? undefined : round3(bytes / 1e12);
const mibToGiB = (mib: number | undefined) =>
  mib === undefined || mib <= 0 ? undefined : round3(mib / 1024);
const mbpsToGbps = (mbps: number | undefined) =>
  mbps === undefined ? undefined : round3(mbps / 1000);

function withoutUnset(attributes: Record<string, number | undefined>): DeviceAttributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}

/** The PCIeDevice a resource links to, directly or through its first PCIeFunction. */
function pcieDeviceOf(reader: RedfishReader, resource: JsonObject | undefined, uri: string) {
  const direct = [
    ...linksAt(resource, 'Links', 'PCIeDevice'),
    ...linksAt(resource, 'Links', 'PCIeDevices'),
    ...objectsAt(resource, 'Controllers').flatMap((controller) =>
      linksAt(controller, 'Links', 'PCIeDevices'),
    ),
  ][0];
  if (direct !== undefined) return { uri: direct, device: reader.get(direct, uri) };
  const functionUri = linksAt(resource, 'Links', 'PCIeFunctions')[0];
  if (functionUri === undefined) return undefined;
  const deviceUri = linksAt(reader.get(functionUri, uri), 'Links', 'PCIeDevice')[0];
  return deviceUri === undefined
    ? undefined
    : { uri: deviceUri, device: reader.get(deviceUri, functionUri) };
}

/** PCIe generation and lanes in use, where the PCIeDevice states them. */
function pcieAttributes(reader: RedfishReader, resource: JsonObject | undefined, uri: string) {
  const pcie = pcieDeviceOf(reader, resource, uri);
  if (pcie?.device === undefined) return {};
  return {
    pcieGeneration: pcieGenerationOf(
      textAt(pcie.device, 'PCIeInterface', 'PCIeType'),
      pcie.uri,
      reader,
    ),
    pcieLanes:
      numberAt(pcie.device, 'PCIeInterface', 'LanesInUse') ??
      numberAt(pcie.device, 'PCIeInterface', 'MaxLanes'),
  };
}

/** Memory a GPU or accelerator carries (not its caches). */
function processorMemoryGiB(processor: JsonObject): number | undefined {
  const total = numberAt(processor, 'MemorySummary', 'TotalMemorySizeMiB');
  if (total !== undefined) return mibToGiB(total);
  const onboard = objectsAt(processor, 'ProcessorMemory')
    .filter((memory) => textAt(memory, 'MemoryType') !== 'Cache')
    .reduce((sum, memory) => sum + (numberAt(memory, 'CapacityMiB') ?? 0), 0);
  return mibToGiB(onboard);
}

/** The fastest link an adapter's ports state. */
function adapterBandwidthGbps(reader: RedfishReader, adapter: JsonObject, uri: string) {
  const networkPorts = reader
    .memberResources(adapter, uri, 'NetworkPorts')
    .map((port) => port.resource);
  const ports = reader.memberResources(adapter, uri, 'Ports').map((port) => port.resource);
  const speeds = [
    ...networkPorts.flatMap((port) => [
      mbpsToGbps(numberAt(port, 'CurrentLinkSpeedMbps')),
      ...objectsAt(port, 'SupportedLinkCapabilities').map((capability) =>
        mbpsToGbps(numberAt(capability, 'LinkSpeedMbps')),
      ),
    ]),
    ...ports.map((port) => numberAt(port, 'CurrentSpeedGbps') ?? numberAt(port, 'MaxSpeedGbps')),
  ].filter((speed) => speed !== undefined);
  return speeds.length === 0 ? undefined : Math.max(...speeds);
}

/** A network adapter is a DPU when it says so in its name, model or description. */
function isDpu(adapter: JsonObject): boolean {
  const words = ['Name', 'Model', 'Description', 'SKU'].map(
    (field) => textAt(adapter, field) ?? '',
  );
  return words.some((word) => /\b(DPU|IPU|SmartNIC|BlueField)\b/i.test(word));
}

/** Type-1/2 CXL devices (`CXLcache`) expose accelerator memory, which is not pooled memory. */
function isAcceleratorMemory(reader: RedfishReader, chunk: JsonObject, uri: string): boolean {
  const logicalDeviceUri = linksAt(chunk, 'Links', 'CXLLogicalDevices')[0];
  if (logicalDeviceUri === undefined) return false;
  return textsAt(reader.get(logicalDeviceUri, uri), 'SemanticsSupported').includes('CXLcache');
}

function chunkPcie(reader: RedfishReader, chunk: JsonObject, uri: string) {
  const logicalDeviceUri = linksAt(chunk, 'Links', 'CXLLogicalDevices')[0];
  if (logicalDeviceUri === undefined) return {};
  return pcieAttributes(reader, reader.get(logicalDeviceUri, uri), logicalDeviceUri);
}

interface KindAndAttributes {
  kind: DeviceKind;
  attributes: Record<string, number | undefined>;
}

function kindAndAttributes(
  source: DeviceSource,
  reader: RedfishReader,
): KindAndAttributes | undefined {
  const { resource, uri } = source;
  switch (source.kind) {
    case 'drive':
      return {
        kind: driveKindOf(resource, uri, reader),
        attributes: {
          capacityTB: bytesToTB(numberAt(resource, 'CapacityBytes')),
          bandwidthGbps:
            numberAt(resource, 'NegotiatedSpeedGbs') ?? numberAt(resource, 'CapableSpeedGbs'),
          ...pcieAttributes(reader, resource, uri),
        },
      };
    case 'simple-storage-device':
      return {
        kind: driveKindOf(resource, uri, reader),
        attributes: { capacityTB: bytesToTB(numberAt(resource, 'CapacityBytes')) },
      };
    case 'processor': {
      const kind = processorKindOf(resource, uri, reader);
      if (kind === undefined) return undefined;
      return {
        kind,
        attributes: {
          memoryGiB: processorMemoryGiB(resource),
          ...pcieAttributes(reader, resource, uri),
        },
      };
    }
    case 'memory':
      if (memoryRoleOf(resource, uri, reader) !== 'pmem') return undefined;
      return {
        kind: 'pmem',
        attributes: { memoryGiB: mibToGiB(numberAt(resource, 'CapacityMiB')) },
      };
    case 'memory-chunk':
      if (isAcceleratorMemory(reader, resource, uri)) return undefined;
      return {
        kind: 'cxl-memory',
        attributes: {
          memoryGiB: mibToGiB(numberAt(resource, 'MemoryChunkSizeMiB')),
          ...chunkPcie(reader, resource, uri),
        },
      };
    case 'network-adapter':
      return {
        kind: isDpu(resource) ? 'dpu' : 'nic',
        attributes: {
          bandwidthGbps: adapterBandwidthGbps(reader, resource, uri),
          ...pcieAttributes(reader, resource, uri),
        },
      };
    case 'ethernet-interface':
      return {
        kind: 'nic',
        attributes: { bandwidthGbps: mbpsToGbps(numberAt(resource, 'SpeedMbps')) },
      };
  }
}

function firmwareOf(resource: JsonObject): string | undefined {
  return (
    textAt(resource, 'FirmwareVersion') ??
    textAt(resource, 'Revision') ??
    textAt(resource, 'FirmwareRevision') ??
    objectsAt(resource, 'Controllers')
      .map((controller) => textAt(controller, 'FirmwarePackageVersion'))
      .find((version) => version !== undefined)
  );
}

/**
 * The device a source describes, or undefined when it is not a device: an empty slot
 * (`Status.State: Absent`), a CPU, host DRAM, a logical memory view, or accelerator memory.
 */
export function describeDevice(
  source: DeviceSource,
  reader: RedfishReader,
): DeviceDescription | undefined {
  if (isAbsent(source.resource)) return undefined;
  const read = kindAndAttributes(source, reader);
  if (read === undefined) return undefined;
  const { resource } = source;
  const firmware = firmwareOf(resource);
  const health = healthOf(resource, source.uri, reader);
  return {
    kind: read.kind,
    vendor: textAt(resource, 'Manufacturer') ?? unknown,
    model: textAt(resource, 'Model') ?? textAt(resource, 'Name') ?? unknown,
    serial: textAt(resource, 'SerialNumber') ?? unknown,
    ...(firmware === undefined ? {} : { firmware }),
    attributes: withoutUnset(read.attributes),
    ...(health === undefined ? {} : { health }),
  };
}
