import { inventory } from '@tessera/contracts';
import type { EndpointSpec, FabricSpec, LinkEnd, SwitchSpec } from '@tessera/inventory-domain';
import { fabricKinds } from './enum-mappers.js';

const endpointRoles = {
  initiator: inventory.EndpointRole.ENDPOINT_ROLE_INITIATOR,
  target: inventory.EndpointRole.ENDPOINT_ROLE_TARGET,
} as const satisfies Record<EndpointSpec['role'], inventory.EndpointRole>;

const entityTypes = {
  host: inventory.EndpointEntityType.ENDPOINT_ENTITY_TYPE_HOST,
  device: inventory.EndpointEntityType.ENDPOINT_ENTITY_TYPE_DEVICE,
} as const satisfies Record<EndpointSpec['entity']['type'], inventory.EndpointEntityType>;

/** A fabric as the API shows it: switches, endpoints, links, zones and connections. */
export function fabricOf(spec: FabricSpec): inventory.Fabric {
  return {
    id: spec.id,
    kind: fabricKinds[spec.kind],
    switches: spec.switches.map(switchOf),
    endpoints: spec.endpoints.map(endpointOf),
    links: spec.links.map((link) => ({ a: linkEndOf(link.a), b: linkEndOf(link.b) })),
    zones: (spec.zones ?? []).map((zone) => ({
      id: zone.id,
      endpointIds: [...zone.endpointIds],
    })),
    connections: (spec.connections ?? []).map((connection) => ({
      id: connection.id,
      initiatorEndpointIds: [...connection.initiatorEndpointIds],
      targetEndpointIds: [...connection.targetEndpointIds],
    })),
  };
}

function switchOf(spec: SwitchSpec): inventory.Switch {
  return {
    id: spec.id,
    vendor: spec.vendor,
    model: spec.model,
    ports: spec.ports.map((port) => ({ id: port.id, bandwidthGbps: port.bandwidthGbps })),
    partitions: (spec.partitions ?? []).map((partition) => ({
      id: partition.id,
      portIds: [...partition.portIds],
    })),
  };
}

/** A target's served devices travel as a list; absent and empty both read as "its entity alone". */
function endpointOf(spec: EndpointSpec): inventory.Endpoint {
  return {
    id: spec.id,
    role: endpointRoles[spec.role],
    entity: { type: entityTypes[spec.entity.type], id: spec.entity.id },
    servesDeviceIds: [...(spec.servesDeviceIds ?? [])],
  };
}

function linkEndOf(end: LinkEnd): inventory.LinkEnd {
  return 'endpointId' in end
    ? { endpointId: end.endpointId }
    : { switchPort: { switchId: end.switchId, portId: end.portId } };
}
