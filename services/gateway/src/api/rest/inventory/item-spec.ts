import { inventory } from '@tessera/contracts';
import {
  deviceKindName,
  enclosureKindName,
  endpointEntityTypeName,
  endpointRoleName,
  fabricKindName,
  healthName,
} from './inventory-names.js';

type Json = Record<string, unknown>;

/**
 * An item's spec as the API shows it: the proto3 JSON of the `oneof spec` part that matches its
 * kind (camelCase names, zero values left out), with its enum values named as everywhere in the
 * API (`gpu`, `ok`, `target`) rather than as proto constants.
 */
export function itemSpec(item: inventory.Item): Json {
  if (item.device !== undefined) return deviceSpec(item.device);
  if (item.host !== undefined) {
    return { ...json(inventory.Host.toJSON(item.host)), health: healthName(item.host.health) };
  }
  if (item.enclosure !== undefined) {
    const enclosure = item.enclosure;
    return {
      ...json(inventory.Enclosure.toJSON(enclosure)),
      kind: enclosureKindName(enclosure.kind),
    };
  }
  if (item.fabric !== undefined) return fabricSpec(item.fabric);
  if (item.rack !== undefined) return json(inventory.Rack.toJSON(item.rack));
  if (item.site !== undefined) return json(inventory.Site.toJSON(item.site));
  return {};
}

function deviceSpec(device: inventory.Device): Json {
  return {
    ...json(inventory.Device.toJSON(device)),
    kind: deviceKindName(device.kind),
    health: healthName(device.health),
  };
}

function fabricSpec(fabric: inventory.Fabric): Json {
  return {
    ...json(inventory.Fabric.toJSON(fabric)),
    kind: fabricKindName(fabric.kind),
    endpoints: fabric.endpoints.map((endpoint) => ({
      ...json(inventory.Endpoint.toJSON(endpoint)),
      role: endpointRoleName(endpoint.role),
      entity: endpoint.entity && {
        type: endpointEntityTypeName(endpoint.entity.type),
        id: endpoint.entity.id,
      },
    })),
  };
}

/** ts-proto's `toJSON` answers `unknown`; for a message it is always a plain object. */
function json(value: unknown): Json {
  return value as Json;
}
