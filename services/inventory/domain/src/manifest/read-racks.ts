import { enclosureKinds, healthStates } from '@tessera/hardware';
import { ManifestObject } from './manifest-object.js';
import { withoutUndefined, type ReadContext } from './parsed-manifest.js';
import { readDevice, readEndpoints } from './read-device.js';

/** Reads a rack with the hosts and enclosures in it, and their devices. */
export function readRack(value: unknown, path: string, context: ReadContext): void {
  const rack = ManifestObject.open(value, path, 'rack', context.problems);
  if (rack === undefined) return;
  const id = rack.requiredId('id');
  context.parsed.racks.push({
    spec: { id, siteId: rack.requiredId('site'), name: rack.requiredText('name') },
    path,
  });
  rack.each('hosts', false, (item, itemPath) => {
    readHost(item, itemPath, id, context);
  });
  rack.each('enclosures', false, (item, itemPath) => {
    readEnclosure(item, itemPath, id, context);
  });
}

function readHost(value: unknown, path: string, rackId: string, context: ReadContext): void {
  const host = ManifestObject.open(value, path, 'host', context.problems);
  if (host === undefined) return;
  const id = host.requiredId('id');
  const spec = withoutUndefined({
    id,
    name: host.optionalText('name') ?? id,
    rackId,
    enclosureId: host.optionalId('enclosure'),
    vendor: host.requiredText('vendor'),
    model: host.requiredText('model'),
    serial: host.requiredText('serial'),
    cpuModel: host.optionalText('cpuModel'),
    cpuCores: host.optionalInteger('cpuCores', 1),
    memoryGiB: host.optionalPositive('memoryGiB'),
    attachments: readEndpoints(host, { type: 'host', id }, context),
    labels: host.optionalLabels('labels'),
    health: host.optionalChoice('health', healthStates),
  });
  context.parsed.hosts.push({ spec, path });
  host.each('devices', false, (item, itemPath) => {
    readDevice(item, itemPath, { hostId: id }, context);
  });
}

function readEnclosure(value: unknown, path: string, rackId: string, context: ReadContext): void {
  const enclosure = ManifestObject.open(value, path, 'enclosure', context.problems);
  if (enclosure === undefined) return;
  const id = enclosure.requiredId('id');
  const spec = withoutUndefined({
    id,
    kind: enclosure.requiredChoice('kind', enclosureKinds),
    rackId,
    vendor: enclosure.requiredText('vendor'),
    model: enclosure.requiredText('model'),
    serial: enclosure.requiredText('serial'),
    labels: enclosure.optionalLabels('labels'),
  });
  context.parsed.enclosures.push({ spec, path });
  enclosure.each('devices', false, (item, itemPath) => {
    readDevice(item, itemPath, { enclosureId: id }, context);
  });
}
