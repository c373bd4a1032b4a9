/** Interconnects through which hosts reach pooled devices. */
export const fabricKinds = [
  'pcie',
  'cxl',
  'nvme-tcp',
  'nvme-rdma',
  'infiniband',
  'ethernet',
] as const;
export type FabricKind = (typeof fabricKinds)[number];

/** A port on a switch. */
export interface SwitchPortSpec {
  readonly id: string;
  readonly bandwidthGbps?: number;
}

/** A PCIe or CXL switch, an Ethernet or InfiniBand switch. */
export interface SwitchSpec {
  readonly id: string;
  readonly vendor?: string;
  readonly model?: string;
  readonly ports: readonly SwitchPortSpec[];
  /**
   * Partitions of a PCIe/CXL switch (virtual switches): ports in different partitions do not
   * reach each other through this switch. Absent: one partition holding every port.
   */
  readonly partitions?: readonly SwitchPartitionSpec[];
}

export interface SwitchPartitionSpec {
  readonly id: string;
  readonly portIds: readonly string[];
}

/**
 * What stands for a host or a device on a fabric (Redfish Endpoint). `initiator` endpoints
 * belong to hosts, `target` endpoints to devices.
 */
export interface EndpointSpec {
  readonly id: string;
  readonly role: 'initiator' | 'target';
  /**
   * The host or device the endpoint belongs to. For a target, the device that owns the port on
   * the fabric: the target's NIC or DPU when the source describes it (an NVMe-oF subsystem port),
   * else the first of the devices it serves (a manifest: the first device declaring it).
   */
  readonly entity: { readonly type: 'host' | 'device'; readonly id: string };
  /**
   * For a `target`, further devices reachable through this same endpoint: an NVMe-oF
   * subsystem's namespaces, a JBOF's drives behind one port. Whoever may reach the endpoint
   * reaches each of them over the same path, and zones and connections naming the endpoint
   * govern them all. Absent or empty: the endpoint serves its `entity` alone. Ignored on an
   * initiator (a host's port stands for that host only).
   */
  readonly servesDeviceIds?: readonly string[];
}

/**
 * A cable or a logical link. Each end is a switch port (`switchId` + `portId`) or an endpoint
 * (`endpointId`).
 */
export interface LinkSpec {
  readonly a: LinkEnd;
  readonly b: LinkEnd;
}

export type LinkEnd =
  { readonly switchId: string; readonly portId: string } | { readonly endpointId: string };

/** Access control: endpoints may reach each other only when they share a zone. */
export interface ZoneSpec {
  readonly id: string;
  readonly endpointIds: readonly string[];
}

/**
 * An explicit grant between initiators and targets (Redfish Connection, NVMe-oF host/subsystem
 * access). It allows access even where zones would not.
 */
export interface ConnectionSpec {
  readonly id: string;
  readonly initiatorEndpointIds: readonly string[];
  readonly targetEndpointIds: readonly string[];
}

export interface FabricSpec {
  readonly id: string;
  readonly kind: FabricKind;
  readonly switches: readonly SwitchSpec[];
  readonly endpoints: readonly EndpointSpec[];
  readonly links: readonly LinkSpec[];
  /** Absent or empty: the fabric does not zone, every endpoint may reach every other one. */
  readonly zones?: readonly ZoneSpec[];
  readonly connections?: readonly ConnectionSpec[];
}
