import {
  type DeviceSpec,
  type EndpointSpec,
  type FabricSpec,
  type HostSpec,
  type LinkEnd,
  type LinkSpec,
  type SwitchPartitionSpec,
  type SwitchSpec,
} from '../../model/index.js';

/** Terse builders for topology specs: only what reachability reads is meaningful. */

export function host(id: string): HostSpec {
  return { id, name: id, vendor: 'Acme', model: 'C1', serial: `sn-${id}`, attachments: [] };
}

export function device(id: string, options: { hostId?: string } = {}): DeviceSpec {
  return {
    id,
    kind: 'gpu',
    vendor: 'Acme',
    model: 'G1',
    serial: `sn-${id}`,
    attributes: {},
    attachments: [],
    maxCompositions: 1,
    ...options,
  };
}

/** An endpoint standing for a host. */
export function initiator(id: string, hostId: string): EndpointSpec {
  return { id, role: 'initiator', entity: { type: 'host', id: hostId } };
}

/** An endpoint standing for a device. */
export function target(id: string, deviceId: string): EndpointSpec {
  return { id, role: 'target', entity: { type: 'device', id: deviceId } };
}

/** A target endpoint of `deviceId` (its NIC, say) that also serves `servedIds` (drives behind it). */
export function sharedTarget(
  id: string,
  deviceId: string,
  servedIds: readonly string[],
): EndpointSpec {
  return { ...target(id, deviceId), servesDeviceIds: servedIds };
}

export function switchWithPorts(
  id: string,
  portIds: readonly string[],
  partitions?: readonly SwitchPartitionSpec[],
): SwitchSpec {
  return {
    id,
    ports: portIds.map((portId) => ({ id: portId })),
    ...(partitions && { partitions }),
  };
}

/** A link end: `'sw1:p1'` is port p1 of switch sw1, anything else an endpoint id. */
export function end(name: string): LinkEnd {
  const [switchId, portId] = name.split(':');
  return portId === undefined ? { endpointId: name } : { switchId: switchId ?? '', portId };
}

/** `link('h1-ep', 'sw1:p1')` cables endpoint h1-ep to port p1 of switch sw1. */
export function link(a: string, b: string): LinkSpec {
  return { a: end(a), b: end(b) };
}

export function fabric(id: string, parts: Partial<Omit<FabricSpec, 'id' | 'kind'>>): FabricSpec {
  return { id, kind: 'pcie', switches: [], endpoints: [], links: [], ...parts };
}
