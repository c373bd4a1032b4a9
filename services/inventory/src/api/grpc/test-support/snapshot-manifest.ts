import {
  type DeviceSpec,
  endpointEnd,
  type FabricAttachment,
  type FabricSpec,
  type HostSpec,
  type InventoryManifest,
  type InventorySnapshot,
  type LinkEnd,
  type ManifestDevice,
  type ManifestFabric,
  type ManifestHost,
  manifestApiVersion,
  manifestKind,
  switchPortEnd,
} from '@tessera/inventory-domain';

/**
 * The manifest that declares a snapshot, in the operator's format (manifest-document.ts):
 * hosts and enclosures nested in their racks, devices in their host or enclosure, endpoints on
 * the items they stand for. Assumes, as the test labs do, that every host and enclosure has a
 * rack and every device a host or an enclosure.
 */
export function manifestOf(snapshot: InventorySnapshot): InventoryManifest {
  const devicesIn = (where: 'hostId' | 'enclosureId', id: string) =>
    snapshot.devices.filter((device) => device[where] === id).map(manifestDevice);
  return {
    apiVersion: manifestApiVersion,
    kind: manifestKind,
    sites: snapshot.sites.map((site) => ({ ...site })),
    racks: snapshot.racks.map((rack) => ({
      id: rack.id,
      site: rack.siteId,
      name: rack.name,
      hosts: snapshot.hosts
        .filter((host) => host.rackId === rack.id)
        .map((host) => manifestHost(host, devicesIn('hostId', host.id))),
      enclosures: snapshot.enclosures
        .filter((enclosure) => enclosure.rackId === rack.id)
        .map(({ rackId: _rackId, ...enclosure }) => ({
          ...enclosure,
          devices: devicesIn('enclosureId', enclosure.id),
        })),
    })),
    fabrics: snapshot.fabrics.map(manifestFabric),
  };
}

function manifestHost(host: HostSpec, devices: ManifestDevice[]): ManifestHost {
  const { rackId: _rackId, enclosureId, attachments, ...rest } = host;
  return {
    ...rest,
    ...(enclosureId === undefined ? {} : { enclosure: enclosureId }),
    endpoints: endpointsOf(attachments),
    devices,
  };
}

function manifestDevice(device: DeviceSpec): ManifestDevice {
  const { attributes, attachments, enclosureId: _enclosure, hostId: _host, ...rest } = device;
  return { ...rest, ...attributes, endpoints: endpointsOf(attachments) };
}

function endpointsOf(attachments: readonly FabricAttachment[]) {
  return attachments.map((attachment) => ({
    fabric: attachment.fabricId,
    id: attachment.endpointId,
  }));
}

function manifestFabric(fabric: FabricSpec): ManifestFabric {
  const end = (linkEnd: LinkEnd): string =>
    'endpointId' in linkEnd
      ? endpointEnd(linkEnd.endpointId)
      : switchPortEnd(linkEnd.switchId, linkEnd.portId);
  return {
    id: fabric.id,
    kind: fabric.kind,
    switches: fabric.switches.map(({ partitions, ...rest }) => ({
      ...rest,
      ...(partitions === undefined
        ? {}
        : { partitions: partitions.map(({ id, portIds }) => ({ id, ports: portIds })) }),
    })),
    links: fabric.links.map((link) => ({ from: end(link.a), to: end(link.b) })),
    zones: (fabric.zones ?? []).map(({ id, endpointIds }) => ({ id, endpoints: endpointIds })),
    connections: (fabric.connections ?? []).map((connection) => ({
      id: connection.id,
      initiators: connection.initiatorEndpointIds,
      targets: connection.targetEndpointIds,
    })),
  };
}
