import { invalidArgument } from '@tessera/api-kit';
import { inventory } from '@tessera/contracts';
import type {
  ComparisonOperator,
  DeviceAttributeName,
  DeviceKind,
  EnclosureKind,
  FabricKind,
  Health,
  ItemKind,
  Lifecycle,
  SourceRef,
} from '@tessera/inventory-domain';

/*
 * Each table maps a domain value to its proto enum value; `satisfies Record<…>` makes the
 * compiler reject a table that misses a domain value. Proto → domain reads the same table
 * backwards, so UNSPECIFIED and values unknown to this server are refused by name.
 */

export const itemKinds = {
  site: inventory.ItemKind.ITEM_KIND_SITE,
  rack: inventory.ItemKind.ITEM_KIND_RACK,
  enclosure: inventory.ItemKind.ITEM_KIND_ENCLOSURE,
  host: inventory.ItemKind.ITEM_KIND_HOST,
  device: inventory.ItemKind.ITEM_KIND_DEVICE,
  fabric: inventory.ItemKind.ITEM_KIND_FABRIC,
} as const satisfies Record<ItemKind, inventory.ItemKind>;

export const deviceKinds = {
  gpu: inventory.DeviceKind.DEVICE_KIND_GPU,
  nvme: inventory.DeviceKind.DEVICE_KIND_NVME,
  ssd: inventory.DeviceKind.DEVICE_KIND_SSD,
  hdd: inventory.DeviceKind.DEVICE_KIND_HDD,
  nic: inventory.DeviceKind.DEVICE_KIND_NIC,
  dpu: inventory.DeviceKind.DEVICE_KIND_DPU,
  fpga: inventory.DeviceKind.DEVICE_KIND_FPGA,
  'cxl-memory': inventory.DeviceKind.DEVICE_KIND_CXL_MEMORY,
  pmem: inventory.DeviceKind.DEVICE_KIND_PMEM,
  accelerator: inventory.DeviceKind.DEVICE_KIND_ACCELERATOR,
} as const satisfies Record<DeviceKind, inventory.DeviceKind>;

export const healthStates = {
  ok: inventory.Health.HEALTH_OK,
  warning: inventory.Health.HEALTH_WARNING,
  critical: inventory.Health.HEALTH_CRITICAL,
} as const satisfies Record<Health, inventory.Health>;

export const lifecycleStates = {
  discovered: inventory.Lifecycle.LIFECYCLE_DISCOVERED,
  available: inventory.Lifecycle.LIFECYCLE_AVAILABLE,
  reserved: inventory.Lifecycle.LIFECYCLE_RESERVED,
  attached: inventory.Lifecycle.LIFECYCLE_ATTACHED,
  cordoned: inventory.Lifecycle.LIFECYCLE_CORDONED,
  failed: inventory.Lifecycle.LIFECYCLE_FAILED,
  missing: inventory.Lifecycle.LIFECYCLE_MISSING,
  retired: inventory.Lifecycle.LIFECYCLE_RETIRED,
} as const satisfies Record<Lifecycle, inventory.Lifecycle>;

export const enclosureKinds = {
  jbof: inventory.EnclosureKind.ENCLOSURE_KIND_JBOF,
  'gpu-chassis': inventory.EnclosureKind.ENCLOSURE_KIND_GPU_CHASSIS,
  'compute-sled': inventory.EnclosureKind.ENCLOSURE_KIND_COMPUTE_SLED,
  'expansion-box': inventory.EnclosureKind.ENCLOSURE_KIND_EXPANSION_BOX,
} as const satisfies Record<EnclosureKind, inventory.EnclosureKind>;

export const fabricKinds = {
  pcie: inventory.FabricKind.FABRIC_KIND_PCIE,
  cxl: inventory.FabricKind.FABRIC_KIND_CXL,
  'nvme-tcp': inventory.FabricKind.FABRIC_KIND_NVME_TCP,
  'nvme-rdma': inventory.FabricKind.FABRIC_KIND_NVME_RDMA,
  infiniband: inventory.FabricKind.FABRIC_KIND_INFINIBAND,
  ethernet: inventory.FabricKind.FABRIC_KIND_ETHERNET,
} as const satisfies Record<FabricKind, inventory.FabricKind>;

export const sourceKinds = {
  manifest: inventory.SourceKind.SOURCE_KIND_MANIFEST,
  redfish: inventory.SourceKind.SOURCE_KIND_REDFISH,
  agent: inventory.SourceKind.SOURCE_KIND_AGENT,
} as const satisfies Record<SourceRef['kind'], inventory.SourceKind>;

export const deviceAttributes = {
  memoryGiB: inventory.DeviceAttribute.DEVICE_ATTRIBUTE_MEMORY_GIB,
  capacityTB: inventory.DeviceAttribute.DEVICE_ATTRIBUTE_CAPACITY_TB,
  pcieGeneration: inventory.DeviceAttribute.DEVICE_ATTRIBUTE_PCIE_GENERATION,
  pcieLanes: inventory.DeviceAttribute.DEVICE_ATTRIBUTE_PCIE_LANES,
  bandwidthGbps: inventory.DeviceAttribute.DEVICE_ATTRIBUTE_BANDWIDTH_GBPS,
  numaNode: inventory.DeviceAttribute.DEVICE_ATTRIBUTE_NUMA_NODE,
} as const satisfies Record<DeviceAttributeName, inventory.DeviceAttribute>;

export const comparisonOperators = {
  '<': inventory.ComparisonOperator.COMPARISON_OPERATOR_LESS,
  '<=': inventory.ComparisonOperator.COMPARISON_OPERATOR_LESS_OR_EQUAL,
  '=': inventory.ComparisonOperator.COMPARISON_OPERATOR_EQUAL,
  '!=': inventory.ComparisonOperator.COMPARISON_OPERATOR_NOT_EQUAL,
  '>=': inventory.ComparisonOperator.COMPARISON_OPERATOR_GREATER_OR_EQUAL,
  '>': inventory.ComparisonOperator.COMPARISON_OPERATOR_GREATER,
} as const satisfies Record<ComparisonOperator, inventory.ComparisonOperator>;

export const manifestFormats = {
  yaml: inventory.ManifestFormat.MANIFEST_FORMAT_YAML,
  json: inventory.ManifestFormat.MANIFEST_FORMAT_JSON,
} as const satisfies Record<'yaml' | 'json', inventory.ManifestFormat>;

/** The domain value of a proto enum value, or undefined for UNSPECIFIED and unknown values. */
export function domainValueOf<D extends string>(
  table: Readonly<Record<D, number>>,
  value: number,
): D | undefined {
  return (Object.keys(table) as D[]).find((key) => table[key] === value);
}

/** The domain value of a request's enum field; INVALID_ARGUMENT naming `field` otherwise. */
export function requiredDomainValue<D extends string>(
  table: Readonly<Record<D, number>>,
  value: number,
  field: string,
): D {
  const domainValue = domainValueOf(table, value);
  if (domainValue === undefined) {
    throw invalidArgument(field, `must be one of ${Object.keys(table).join(', ')}`);
  }
  return domainValue;
}

/** The proto value of an optional domain value; UNSPECIFIED when it is absent. */
export function healthOf(health: Health | undefined): inventory.Health {
  return health === undefined ? inventory.Health.HEALTH_UNSPECIFIED : healthStates[health];
}
