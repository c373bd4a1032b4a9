import type { inventory } from '@tessera/contracts';
import type {
  DeviceSpec,
  EnclosureSpec,
  FabricAttachment,
  HostSpec,
  RackSpec,
  SiteSpec,
} from '@tessera/inventory-domain';
import { deviceKinds, enclosureKinds, healthOf } from './enum-mappers.js';

/** The specs of sites, racks, enclosures, hosts and devices as the API shows them. */

export function siteOf(spec: SiteSpec): inventory.Site {
  return { id: spec.id, name: spec.name };
}

export function rackOf(spec: RackSpec): inventory.Rack {
  return { id: spec.id, siteId: spec.siteId, name: spec.name };
}

export function enclosureOf(spec: EnclosureSpec): inventory.Enclosure {
  return {
    id: spec.id,
    kind: enclosureKinds[spec.kind],
    rackId: spec.rackId,
    vendor: spec.vendor,
    model: spec.model,
    serial: spec.serial,
    labels: { ...spec.labels },
  };
}

export function hostOf(spec: HostSpec): inventory.Host {
  return {
    id: spec.id,
    name: spec.name,
    rackId: spec.rackId,
    enclosureId: spec.enclosureId,
    vendor: spec.vendor,
    model: spec.model,
    serial: spec.serial,
    cpuModel: spec.cpuModel,
    cpuCores: spec.cpuCores,
    memoryGib: spec.memoryGiB,
    attachments: spec.attachments.map(attachmentOf),
    labels: { ...spec.labels },
    health: healthOf(spec.health),
  };
}

export function deviceOf(spec: DeviceSpec): inventory.Device {
  const { attributes } = spec;
  return {
    id: spec.id,
    kind: deviceKinds[spec.kind],
    vendor: spec.vendor,
    model: spec.model,
    serial: spec.serial,
    firmware: spec.firmware,
    attributes: {
      memoryGib: attributes.memoryGiB,
      capacityTb: attributes.capacityTB,
      pcieGeneration: attributes.pcieGeneration,
      pcieLanes: attributes.pcieLanes,
      bandwidthGbps: attributes.bandwidthGbps,
      numaNode: attributes.numaNode,
    },
    enclosureId: spec.enclosureId,
    hostId: spec.hostId,
    attachments: spec.attachments.map(attachmentOf),
    maxCompositions: spec.maxCompositions,
    labels: { ...spec.labels },
    health: healthOf(spec.health),
  };
}

export function attachmentOf(attachment: FabricAttachment): inventory.FabricAttachment {
  return { fabricId: attachment.fabricId, endpointId: attachment.endpointId };
}
