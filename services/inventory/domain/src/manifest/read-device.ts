import {
  deviceKinds,
  healthStates,
  type DeviceAttributes,
  type EndpointSpec,
  type FabricAttachment,
} from '@tessera/hardware';
import { ManifestObject } from './manifest-object.js';
import { withoutUndefined, type ReadContext } from './parsed-manifest.js';

/** Where a device sits: in a host (local) or in an enclosure (pooled). */
export type DevicePlacement = { readonly hostId: string } | { readonly enclosureId: string };

export function readDevice(
  value: unknown,
  path: string,
  placement: DevicePlacement,
  context: ReadContext,
): void {
  const device = ManifestObject.open(value, path, 'device', context.problems);
  if (device === undefined) return;
  const id = device.requiredId('id');
  const spec = withoutUndefined({
    id,
    kind: device.requiredChoice('kind', deviceKinds),
    vendor: device.requiredText('vendor'),
    model: device.requiredText('model'),
    serial: device.requiredText('serial'),
    firmware: device.optionalText('firmware'),
    attributes: readAttributes(device),
    ...placement,
    attachments: readEndpoints(device, { type: 'device', id }, context),
    maxCompositions: device.optionalInteger('maxCompositions', 1) ?? 1,
    labels: device.optionalLabels('labels'),
    health: device.optionalChoice('health', healthStates),
  });
  context.parsed.devices.push({ spec, path });
}

function readAttributes(device: ManifestObject): DeviceAttributes {
  return withoutUndefined({
    memoryGiB: device.optionalPositive('memoryGiB'),
    capacityTB: device.optionalPositive('capacityTB'),
    pcieGeneration: device.optionalInteger('pcieGeneration', 1, 7),
    pcieLanes: device.optionalInteger('pcieLanes', 1),
    bandwidthGbps: device.optionalPositive('bandwidthGbps'),
    numaNode: device.optionalInteger('numaNode', 0),
  });
}

/**
 * Reads a host's or device's `endpoints` and declares each on its fabric: a host's endpoints are
 * initiators, a device's are targets. Returns the attachments for the host or device itself.
 */
export function readEndpoints(
  owner: ManifestObject,
  entity: EndpointSpec['entity'],
  context: ReadContext,
): FabricAttachment[] {
  const role = entity.type === 'host' ? 'initiator' : 'target';
  return owner.list('endpoints', false, (item, path) => {
    const endpoint = ManifestObject.open(item, path, 'endpoint', context.problems);
    if (endpoint === undefined) return undefined;
    const fabricId = endpoint.requiredId('fabric');
    const id = endpoint.requiredId('id');
    context.parsed.endpoints.push({ fabricId, path, endpoint: { id, role, entity } });
    return { fabricId, endpointId: id };
  });
}
