import { type EndpointSpec } from '@tessera/hardware';
import { type Entity, type EntityIndex } from './entity-index.js';
import { type EndpointRef } from './fabric-links.js';
import { type JsonObject, linksAt, objectsAt, textAt } from './redfish-json.js';
import { type Member, type RedfishReader } from './redfish-reader.js';
import { type ServedDrives } from './served-drives.js';

export interface MappedEndpoint extends EndpointRef {
  readonly spec: EndpointSpec;
}

/**
 * The endpoint for the first connected entity that resolves to a host or device of this mapping.
 * Its role follows the entity (hosts initiate, devices are targets); an `EntityRole` saying
 * otherwise is a warning. A target also serves the drives of the storage it fronts (see
 * `ServedDrives`); one whose connected entities name only storage stands for the first of those
 * drives and serves the others. An endpoint standing for nothing this service describes (a remote
 * NVMe-oF host, a switch's own endpoint) is skipped with a warning.
 */
export function mapEndpoint(
  reader: RedfishReader,
  { uri, resource }: Member,
  entities: EntityIndex,
  served: ServedDrives,
): MappedEndpoint[] {
  const connected = objectsAt(resource, 'ConnectedEntities');
  const [firstFronted] = served.frontedBy(uri, connected);
  const entity: Entity | undefined =
    ownEntity(reader, uri, connected, entities, served) ??
    (firstFronted === undefined ? undefined : { type: 'device', id: firstFronted });
  if (entity === undefined) {
    const types = connected.map((each) => textAt(each, 'EntityType') ?? 'unknown').join(', ');
    reader.warn(
      `${uri}: no connected entity (${types || 'none'}) is a host or device of this service; endpoint skipped`,
    );
    return [];
  }
  const role = entity.type === 'host' ? 'initiator' : 'target';
  const servesDeviceIds =
    role === 'target' ? served.servedBy({ uri, resource }).filter((id) => id !== entity.id) : [];
  const id = reader.id(uri);
  const spec: EndpointSpec = {
    id,
    role,
    entity,
    ...(servesDeviceIds.length === 0 ? {} : { servesDeviceIds }),
  };
  return [{ uri, resource, id, spec }];
}

/** The host or device the first resolvable connected entity (storage aside) names. */
function ownEntity(
  reader: RedfishReader,
  uri: string,
  connected: readonly JsonObject[],
  entities: EntityIndex,
  served: ServedDrives,
): Entity | undefined {
  for (const candidate of connected) {
    if (served.isStorageFront(candidate)) continue;
    const link = linksAt(candidate, 'EntityLink')[0];
    const entity = link === undefined ? undefined : entities.resolve(link);
    if (entity === undefined) continue;
    const role = entity.type === 'host' ? 'initiator' : 'target';
    const stated = textAt(candidate, 'EntityRole');
    if (stated !== undefined && stated !== 'Both' && stated.toLowerCase() !== role) {
      reader.warn(`${uri}: EntityRole ${stated} for a ${entity.type}; mapped as ${role}`);
    }
    return entity;
  }
  return undefined;
}
