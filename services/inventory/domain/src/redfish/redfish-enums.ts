import { type DeviceKind, type FabricKind, type Health } from '@tessera/hardware';
import { type JsonObject, textAt, textsAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';

/*
 * Redfish enumerations read into the inventory's terms. An unknown value never stops a mapping:
 * it maps to the default each function names, with a warning.
 */

/** `Status.State: Absent` marks an empty slot: nothing is there to map. */
export function isAbsent(resource: JsonObject): boolean {
  return textAt(resource, 'Status', 'State') === 'Absent';
}

/** `Status.Health`; absent stays unknown, an unknown value reads as `warning`. */
export function healthOf(
  resource: JsonObject,
  uri: string,
  reader: RedfishReader,
): Health | undefined {
  const health = textAt(resource, 'Status', 'Health');
  switch (health) {
    case undefined:
      return undefined;
    case 'OK':
      return 'ok';
    case 'Warning':
      return 'warning';
    case 'Critical':
      return 'critical';
    default:
      reader.warn(`${uri}: unknown Status.Health "${health}", read as warning`);
      return 'warning';
  }
}

const rdmaTransports = new Set(['RoCE', 'RoCEv2', 'iWARP', 'RDMA', 'InfiniBand']);

/**
 * `Fabric.FabricType` as a fabric kind. NVMe over Fabrics is TCP unless an endpoint's transport
 * says RDMA. Absent or unknown types read as `pcie`, the fabric Redfish composition mostly uses.
 */
export function fabricKindOf(
  fabric: JsonObject,
  uri: string,
  transports: readonly string[],
  reader: RedfishReader,
): FabricKind {
  const type = textAt(fabric, 'FabricType');
  switch (type) {
    case 'PCIe':
    case 'NVMe':
      return 'pcie';
    case 'CXL':
      return 'cxl';
    case 'NVMeOverFabrics':
      return transports.some((transport) => rdmaTransports.has(transport))
        ? 'nvme-rdma'
        : 'nvme-tcp';
    case 'TCP':
      return 'nvme-tcp';
    case 'RoCE':
    case 'RoCEv2':
    case 'iWARP':
      return 'nvme-rdma';
    case 'InfiniBand':
      return 'infiniband';
    case 'Ethernet':
      return 'ethernet';
    case undefined:
      reader.warn(`${uri}: no FabricType, read as pcie`);
      return 'pcie';
    default:
      reader.warn(`${uri}: unknown FabricType "${type}", read as pcie`);
      return 'pcie';
  }
}

/** A drive's kind: NVMe by protocol, else by media; absent media reads as `ssd`. */
export function driveKindOf(drive: JsonObject, uri: string, reader: RedfishReader): DeviceKind {
  const protocol = textAt(drive, 'Protocol');
  if (protocol === 'NVMe' || protocol === 'NVMeOverFabrics') return 'nvme';
  const media = textAt(drive, 'MediaType');
  switch (media) {
    case undefined:
    case 'SSD':
      return 'ssd';
    case 'HDD':
    case 'SMR':
      return 'hdd';
    default:
      reader.warn(`${uri}: unknown MediaType "${media}", read as ssd`);
      return 'ssd';
  }
}

/**
 * A processor's device kind, or undefined for a CPU (part of its host, not a pooled device).
 * Absent `ProcessorType` is a CPU; an unknown type reads as `accelerator`.
 */
export function processorKindOf(
  processor: JsonObject,
  uri: string,
  reader: RedfishReader,
): DeviceKind | undefined {
  const type = textAt(processor, 'ProcessorType');
  switch (type) {
    case undefined:
    case 'CPU':
    case 'Core':
    case 'Thread':
    case 'Partition':
      return undefined;
    case 'GPU':
      return 'gpu';
    case 'FPGA':
      return 'fpga';
    case 'Accelerator':
    case 'DSP':
    case 'OEM':
      return 'accelerator';
    default:
      reader.warn(`${uri}: unknown ProcessorType "${type}", read as accelerator`);
      return 'accelerator';
  }
}

/** What a Memory resource is: persistent memory (a device), host DRAM, or a logical view. */
export type MemoryRole = 'pmem' | 'host-memory' | 'logical';

/** A Memory resource's role; an unknown `MemoryType` reads as host memory. */
export function memoryRoleOf(memory: JsonObject, uri: string, reader: RedfishReader): MemoryRole {
  if (textAt(memory, 'MemoryDeviceType') === 'Logical') return 'logical';
  if (textsAt(memory, 'MemoryMedia').includes('Intel3DXPoint')) return 'pmem';
  const type = textAt(memory, 'MemoryType');
  switch (type) {
    case 'IntelOptane':
    case 'NVDIMM_N':
    case 'NVDIMM_F':
    case 'NVDIMM_P':
      return 'pmem';
    case undefined:
    case 'DRAM':
    case 'Cache':
    case 'OEM':
      return 'host-memory';
    default:
      reader.warn(`${uri}: unknown MemoryType "${type}", read as host memory`);
      return 'host-memory';
  }
}

/** `PCIeInterface.PCIeType` (`Gen5`) as a generation number. */
export function pcieGenerationOf(
  pcieType: string | undefined,
  uri: string,
  reader: RedfishReader,
): number | undefined {
  if (pcieType === undefined) return undefined;
  const generation = /^Gen(\d+)$/.exec(pcieType)?.[1];
  if (generation === undefined) {
    reader.warn(`${uri}: unknown PCIeType "${pcieType}", generation left unset`);
    return undefined;
  }
  return Number(generation);
}

/** Whether a ComputerSystem is a host Tessera can compose around (physical or composed). */
export function isHostSystem(system: JsonObject, uri: string, reader: RedfishReader): boolean {
  const type = textAt(system, 'SystemType');
  switch (type) {
    case undefined:
    case 'Physical':
    case 'Composed':
    case 'PhysicallyPartitioned':
      return true;
    case 'Virtual':
    case 'OS':
    case 'VirtuallyPartitioned':
    case 'DPU':
      return false;
    default:
      reader.warn(`${uri}: unknown SystemType "${type}", read as a physical host`);
      return true;
  }
}

/** What a Chassis stands for in the inventory. */
export type ChassisRole = 'rack' | 'storage-enclosure' | 'enclosure' | 'not-placed';

/** A chassis' role by `ChassisType`; an unknown type reads as an enclosure. */
export function chassisRoleOf(
  chassis: JsonObject,
  uri: string,
  reader: RedfishReader,
): ChassisRole {
  const type = textAt(chassis, 'ChassisType');
  switch (type) {
    case 'Rack':
      return 'rack';
    case 'StorageEnclosure':
    case 'IPBasedDrive':
      return 'storage-enclosure';
    case 'RackGroup':
    case 'Row':
    case 'Pod':
    case 'Zone':
    case 'Component':
    case 'PowerStrip':
    case 'HeatExchanger':
    case 'ImmersionTank':
      return 'not-placed';
    case undefined:
    case 'Blade':
    case 'Enclosure':
    case 'StandAlone':
    case 'RackMount':
    case 'Card':
    case 'Cartridge':
    case 'Expansion':
    case 'Sidecar':
    case 'Sled':
    case 'Shelf':
    case 'Drawer':
    case 'Module':
    case 'Other':
      return 'enclosure';
    default:
      reader.warn(`${uri}: unknown ChassisType "${type}", read as an enclosure`);
      return 'enclosure';
  }
}
