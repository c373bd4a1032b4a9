import {
  type ConnectionSpec,
  type FabricKind,
  type FabricSpec,
  type SwitchSpec,
  type ZoneSpec,
} from '@tessera/hardware';
import { type EntityIndex } from './entity-index.js';
import { fabricLinks, starTopology, type SwitchPortRef } from './fabric-links.js';
import { mapEndpoint } from './map-endpoint.js';
import { fabricKindOf, isAbsent } from './redfish-enums.js';
import { byText, type JsonObject, linksAt, numberAt, objectsAt, textAt } from './redfish-json.js';
import { type Member, type RedfishReader } from './redfish-reader.js';
import { type ServedDrives } from './served-drives.js';

/** Fabrics whose interconnect is a network: without switches, every endpoint reaches the others. */
const networkKinds = new Set<FabricKind>(['nvme-tcp', 'nvme-rdma', 'ethernet', 'infiniband']);

/** Mapped endpoints' ids by path. */
type EndpointIds = ReadonlyMap<string, string>;

const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort(byText);

function mapSwitch(reader: RedfishReader, { uri, resource }: Member) {
  if (isAbsent(resource)) return [];
  const switchId = reader.id(uri);
  const ports: SwitchPortRef[] = reader
    .memberResources(resource, uri, 'Ports')
    .map((port) => ({ ...port, switchId, portId: reader.id(port.uri) }));
  const vendor = textAt(resource, 'Manufacturer');
  const model = textAt(resource, 'Model');
  const spec: SwitchSpec = {
    id: switchId,
    ...(vendor === undefined ? {} : { vendor }),
    ...(model === undefined ? {} : { model }),
    ports: ports.map((port) => {
      const bandwidthGbps =
        numberAt(port.resource, 'CurrentSpeedGbps') ?? numberAt(port.resource, 'MaxSpeedGbps');
      return { id: port.portId, ...(bandwidthGbps === undefined ? {} : { bandwidthGbps }) };
    }),
  };
  return [{ spec, ports }];
}

/** Endpoint ids for `uris` among the mapped endpoints; dangling links are warnings. */
function endpointIdsOf(
  reader: RedfishReader,
  uris: readonly string[],
  referrer: string,
  mapped: EndpointIds,
) {
  return uris.flatMap((uri) => {
    const id = mapped.get(uri);
    if (id === undefined) reader.get(uri, referrer);
    return id === undefined ? [] : [id];
  });
}

/** A zone is kept even when none of its endpoints mapped: dropping it would open the fabric. */
function mapZone(reader: RedfishReader, { uri, resource }: Member, mapped: EndpointIds): ZoneSpec {
  const endpointIds = endpointIdsOf(reader, linksAt(resource, 'Links', 'Endpoints'), uri, mapped);
  return { id: reader.id(uri), endpointIds: sortedUnique(endpointIds) };
}

function groupMembers(
  reader: RedfishReader,
  connection: JsonObject,
  uri: string,
  property: string,
) {
  return linksAt(connection, 'Links', property).flatMap((groupUri) =>
    linksAt(reader.get(groupUri, uri), 'Links', 'Endpoints'),
  );
}

/** A connection is kept when at least one initiator and one target mapped: else it grants nothing. */
function mapConnection(
  reader: RedfishReader,
  { uri, resource: connection }: Member,
  mapped: EndpointIds,
): ConnectionSpec[] {
  const side = (endpoints: string, groups: string) =>
    sortedUnique(
      endpointIdsOf(
        reader,
        [
          ...linksAt(connection, 'Links', endpoints),
          ...groupMembers(reader, connection, uri, groups),
        ],
        uri,
        mapped,
      ),
    );
  const initiatorEndpointIds = side('InitiatorEndpoints', 'InitiatorEndpointGroups');
  const targetEndpointIds = side('TargetEndpoints', 'TargetEndpointGroups');
  if (initiatorEndpointIds.length === 0 || targetEndpointIds.length === 0) {
    reader.warn(
      `${uri}: no initiator and target endpoint of this service on both sides; connection skipped`,
    );
    return [];
  }
  return [{ id: reader.id(uri), initiatorEndpointIds, targetEndpointIds }];
}

function mapFabric(
  reader: RedfishReader,
  { uri, resource: fabric }: Member,
  entities: EntityIndex,
  served: ServedDrives,
): FabricSpec[] {
  if (isAbsent(fabric)) return [];
  const id = reader.id(uri);
  const members = (property: string) => reader.memberResources(fabric, uri, property);
  const switches = members('Switches').flatMap((member) => mapSwitch(reader, member));
  const endpoints = members('Endpoints')
    .flatMap((member) => mapEndpoint(reader, member, entities, served))
    .sort((a, b) => byText(a.id, b.id));
  const mapped = new Map(endpoints.map((endpoint) => [endpoint.uri, endpoint.id]));
  const transports = endpoints.flatMap((endpoint) =>
    objectsAt(endpoint.resource, 'IPTransportDetails').flatMap(
      (detail) => textAt(detail, 'TransportProtocol') ?? [],
    ),
  );
  const kind = fabricKindOf(fabric, uri, transports, reader);
  const implicitNetwork = switches.length === 0 && networkKinds.has(kind) && endpoints.length > 0;
  const star = implicitNetwork
    ? starTopology(
        `${id}:network`,
        endpoints.map((e) => e.id),
      )
    : undefined;
  return [
    {
      id,
      kind,
      switches:
        star === undefined
          ? switches.map((s) => s.spec).sort((a, b) => byText(a.id, b.id))
          : [star.switch],
      endpoints: endpoints.map((endpoint) => endpoint.spec),
      links:
        star?.links ??
        fabricLinks(
          reader,
          switches.flatMap((s) => s.ports),
          endpoints,
        ),
      zones: members('Zones')
        .map((member) => mapZone(reader, member, mapped))
        .sort((a, b) => byText(a.id, b.id)),
      connections: members('Connections')
        .flatMap((member) => mapConnection(reader, member, mapped))
        .sort((a, b) => byText(a.id, b.id)),
    },
  ];
}

/**
 * The service's Fabrics: switches and their ports (no partitions: a CXL switch's virtual
 * switches are its current bindings, which composition changes, not a fixed partitioning),
 * endpoints (see `mapEndpoint`: a target fronting storage serves its drives), cables (see
 * `fabricLinks`), zones and connections. A fabric of a network kind without switches gets one
 * implicit switch (`<fabric id>:network`, see `starTopology`).
 */
export function mapFabrics(
  reader: RedfishReader,
  fabrics: readonly Member[],
  entities: EntityIndex,
  served: ServedDrives,
): FabricSpec[] {
  return fabrics.flatMap((fabric) => mapFabric(reader, fabric, entities, served));
}
