import { type EndpointSpec, type FabricSpec, type ZoneSpec } from '@tessera/hardware';
import { type Entity } from './entity-index.js';
import { starTopology } from './fabric-links.js';
import { byText, linksAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';
import { type CompositionServiceView } from './resource-blocks.js';

export interface CompositionEntities {
  /** The host id for a system path, when that system is a mapped host. */
  hostId(uri: string): string | undefined;
  /** The ids of the mapped devices a pooled resource block offers. */
  deviceIdsOfBlock(uri: string): readonly string[];
}

/** The endpoint that stands for a host or device on the composition fabric. */
export const compositionEndpointId = (entityId: string) => `${entityId}:composition-endpoint`;

/**
 * The CompositionService as one synthetic PCIe fabric, id = the service's id, so that
 * reachability follows its ResourceZones: a host reaches the devices of the blocks that share a
 * zone with its compute block. Each ResourceZone becomes a zone (same id); each host or device
 * in some zone gets one endpoint (`<entity id>:composition-endpoint`); one synthetic switch
 * (`<fabric id>:switch`, see `starTopology`) links them all, one hop, so the zones alone decide.
 * Compute blocks contribute their hosts (initiators), other blocks their devices (targets).
 * Undefined when the service has no resource zones.
 */
export function compositionFabric(
  reader: RedfishReader,
  service: CompositionServiceView,
  entities: CompositionEntities,
): FabricSpec | undefined {
  if (service.zoneUris.length === 0) return undefined;
  const fabricId = reader.id(service.uri);
  const blocksByUri = new Map(service.blocks.map((block) => [block.uri, block]));
  const endpoints = new Map<string, EndpointSpec>();
  const endpointFor = (entity: Entity): string => {
    const id = compositionEndpointId(entity.id);
    const role = entity.type === 'host' ? 'initiator' : 'target';
    endpoints.set(id, { id, role, entity });
    return id;
  };
  const entitiesOfBlock = (blockUri: string): Entity[] => {
    const block = blocksByUri.get(blockUri);
    if (block === undefined) return [];
    if (!block.isCompute)
      return entities.deviceIdsOfBlock(blockUri).map((id) => ({ type: 'device', id }));
    return block.hostUris.flatMap((uri) => {
      const id = entities.hostId(uri);
      return id === undefined ? [] : [{ type: 'host' as const, id }];
    });
  };
  const zones: ZoneSpec[] = service.zoneUris.flatMap((zoneUri) => {
    const zone = reader.get(zoneUri, service.uri);
    if (zone === undefined) return [];
    const listed = linksAt(zone, 'Links', 'ResourceBlocks');
    for (const blockUri of listed) if (!blocksByUri.has(blockUri)) reader.get(blockUri, zoneUri);
    const naming = service.blocks
      .filter((block) => block.zoneUris.includes(zoneUri))
      .map((block) => block.uri);
    const endpointIds = [...new Set([...listed, ...naming])]
      .flatMap(entitiesOfBlock)
      .map(endpointFor);
    return [{ id: reader.id(zoneUri), endpointIds: [...new Set(endpointIds)].sort(byText) }];
  });
  const endpointSpecs = [...endpoints.values()].sort((a, b) => byText(a.id, b.id));
  const star = starTopology(
    `${fabricId}:switch`,
    endpointSpecs.map((endpoint) => endpoint.id),
  );
  return {
    id: fabricId,
    kind: 'pcie',
    switches: [star.switch],
    endpoints: endpointSpecs,
    links: star.links,
    zones: zones.sort((a, b) => byText(a.id, b.id)),
    connections: [],
  };
}
