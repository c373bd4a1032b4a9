import {
  type DeviceSpec,
  type FabricAttachment,
  type FabricSpec,
  type HostSpec,
  type InventorySnapshot,
} from '@tessera/hardware';
import { compositionFabric } from './composition-fabric.js';
import { EntityIndex } from './entity-index.js';
import { type LocatedDevice, locateDevices } from './locate-devices.js';
import { mapFabrics } from './map-fabrics.js';
import { draftHost, type HostDraft, readHostSystems } from './map-hosts.js';
import { mapPlacement, type Placement } from './map-placement.js';
import { byText } from './redfish-json.js';
import { RedfishReader } from './redfish-reader.js';
import { type RedfishResources, redfishServiceRoot } from './redfish-resources.js';
import { type CompositionServiceView, readCompositionService } from './resource-blocks.js';
import { ServedDrives } from './served-drives.js';
import { readServiceRoot } from './service-root.js';

export interface MapRedfishOptions {
  /** Namespaces every id: `<sourceId>:<resource path>`, so two services never collide. */
  readonly sourceId: string;
}

export interface RedfishMapping {
  readonly snapshot: InventorySnapshot;
  /** What the mapping tolerated (dangling links, unknown enum values, skipped endpoints ...). */
  readonly warnings: string[];
}

const byId = <T extends { readonly id: string }>(a: T, b: T) => byText(a.id, b.id);

function entityIndexOf(
  reader: RedfishReader,
  hosts: readonly HostDraft[],
  devices: readonly LocatedDevice[],
  composition: CompositionServiceView | undefined,
): EntityIndex {
  const index = new EntityIndex();
  for (const device of devices)
    index.add(device.uri, { type: 'device', id: reader.id(device.uri) });
  for (const host of hosts) index.add(host.uri, { type: 'host', id: host.spec.id });
  for (const host of hosts) {
    for (const part of host.partUris) index.add(part, { type: 'host', id: host.spec.id });
  }
  for (const block of composition?.blocks ?? []) {
    const host = hosts.find((draft) => block.isCompute && block.hostUris.includes(draft.uri));
    if (host !== undefined) index.add(block.uri, { type: 'host', id: host.spec.id });
  }
  return index;
}

/** Each host's and device's endpoints: those standing for it, and the targets serving it. */
function attachmentsByEntity(fabrics: readonly FabricSpec[]): Map<string, FabricAttachment[]> {
  const attachments = new Map<string, FabricAttachment[]>();
  for (const fabric of fabrics) {
    for (const endpoint of fabric.endpoints) {
      for (const entityId of [endpoint.entity.id, ...(endpoint.servesDeviceIds ?? [])]) {
        const list = attachments.get(entityId) ?? [];
        list.push({ fabricId: fabric.id, endpointId: endpoint.id });
        attachments.set(entityId, list);
      }
    }
  }
  return attachments;
}

function hostSpec(
  host: HostDraft,
  placement: Placement,
  attachments: readonly FabricAttachment[],
): HostSpec {
  const enclosureId = host.chassisUri && placement.enclosureIdByChassis.get(host.chassisUri);
  const rackId = host.chassisUri && placement.reportedRackIdByChassis.get(host.chassisUri);
  return {
    ...host.spec,
    ...(rackId ? { rackId } : {}),
    ...(enclosureId ? { enclosureId } : {}),
    attachments,
  };
}

function deviceSpec(
  reader: RedfishReader,
  device: LocatedDevice,
  hostIds: ReadonlyMap<string, string>,
  placement: Placement,
  attachments: readonly FabricAttachment[],
): DeviceSpec {
  const { description } = device;
  const enclosureId = device.chassisUri && placement.enclosureIdByChassis.get(device.chassisUri);
  const hostId = device.hostUri && hostIds.get(device.hostUri);
  return {
    id: reader.id(device.uri),
    kind: description.kind,
    vendor: description.vendor,
    model: description.model,
    serial: description.serial,
    ...(description.firmware === undefined ? {} : { firmware: description.firmware }),
    attributes: description.attributes,
    ...(enclosureId ? { enclosureId } : {}),
    ...(hostId ? { hostId } : {}),
    attachments,
    maxCompositions: device.maxCompositions,
    ...(description.health === undefined ? {} : { health: description.health }),
  };
}

/**
 * Maps one crawl of a Redfish service onto the inventory model, tolerating what real services
 * publish (see the reader and each mapper for the rules) and reporting it as warnings. Pure and
 * deterministic: equal crawls give equal snapshots, every list sorted by id.
 */
export function mapRedfishToSnapshot(
  resources: RedfishResources,
  options: MapRedfishOptions,
): RedfishMapping {
  const reader = new RedfishReader(resources, options.sourceId);
  const root = readServiceRoot(reader);
  const members = (uri: string | undefined) =>
    uri === undefined ? [] : reader.members(uri, redfishServiceRoot);
  const rootMembers = (uri: string | undefined) =>
    members(uri).flatMap((member) => {
      const resource = uri === undefined ? undefined : reader.get(member, uri);
      return resource === undefined ? [] : [{ uri: member, resource }];
    });
  const chassisUris = members(root.chassis);
  const composition = readCompositionService(reader, root.compositionService, redfishServiceRoot);
  const blocks = composition?.blocks ?? [];
  const systems = readHostSystems(
    reader,
    members(root.systems),
    root.systems ?? redfishServiceRoot,
  );
  const hosts = systems.map((system) => draftHost(reader, system, blocks));
  const devices = locateDevices(reader, {
    composition,
    hosts: systems,
    chassisUris,
    chassisCollectionUri: root.chassis ?? redfishServiceRoot,
    storageUris: members(root.storage),
    storageCollectionUri: root.storage ?? redfishServiceRoot,
  });
  const computeChassisUris = new Set(
    [
      ...hosts.filter((host) => !host.isComposed).map((host) => host.chassisUri),
      ...blocks.filter((block) => block.isCompute).map((block) => block.chassisUri),
    ].filter((uri) => uri !== undefined),
  );
  const placement = mapPlacement(reader, {
    chassisUris,
    chassisCollectionUri: root.chassis ?? redfishServiceRoot,
    devices: devices.map((device) => ({
      chassisUri: device.chassisUri,
      kind: device.description.kind,
    })),
    computeChassisUris,
  });
  const hostIds = new Map(hosts.map((host) => [host.uri, host.spec.id]));
  const entities = entityIndexOf(reader, hosts, devices, composition);
  const composed =
    composition &&
    compositionFabric(reader, composition, {
      hostId: (uri) => hostIds.get(uri),
      deviceIdsOfBlock: (uri) =>
        devices
          .filter((device) => device.pooledBlockUri === uri)
          .map((device) => reader.id(device.uri)),
    });
  const storages = [
    ...rootMembers(root.storage),
    ...systems.flatMap((system) => reader.memberResources(system.resource, system.uri, 'Storage')),
  ];
  const served = new ServedDrives(reader, entities, storages);
  const fabrics = [
    ...mapFabrics(reader, rootMembers(root.fabrics), entities, served),
    ...(composed ? [composed] : []),
  ].sort(byId);
  const attachments = attachmentsByEntity(fabrics);
  const attachmentsOf = (id: string) => attachments.get(id) ?? [];
  return {
    snapshot: {
      sites: [...placement.sites].sort(byId),
      racks: [...placement.racks].sort(byId),
      enclosures: [...placement.enclosures].sort(byId),
      hosts: hosts.map((host) => hostSpec(host, placement, attachmentsOf(host.spec.id))).sort(byId),
      devices: devices
        .map((device) =>
          deviceSpec(reader, device, hostIds, placement, attachmentsOf(reader.id(device.uri))),
        )
        .sort(byId),
      fabrics,
    },
    warnings: [...reader.warnings],
  };
}
