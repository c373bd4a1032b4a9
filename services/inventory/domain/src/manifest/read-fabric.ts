import { fabricKinds, type ConnectionSpec, type ZoneSpec } from '@tessera/hardware';
import { ManifestObject } from './manifest-object.js';
import { type ManifestProblems } from './manifest-problems.js';
import { type LinkDeclaration, type Located, type ReadContext } from './parsed-manifest.js';
import { readSwitch } from './read-switch.js';
import { idField, indexUnique } from './unique-ids.js';

/**
 * Reads a fabric: its switches, links, zones and connections. References to endpoints are
 * checked later (`resolveFabric`), once every host and device has declared its endpoints.
 */
export function readFabric(value: unknown, path: string, context: ReadContext): void {
  const { problems } = context;
  const fabric = ManifestObject.open(value, path, 'fabric', problems);
  if (fabric === undefined) return;
  const id = fabric.requiredId('id');
  const kind = fabric.requiredChoice('kind', fabricKinds);
  const switches = fabric.list('switches', false, (item, itemPath) =>
    readSwitch(item, itemPath, problems),
  );
  indexUnique(switches, idField, 'switch', problems);
  const links = fabric.list('links', false, (item, itemPath) => readLink(item, itemPath, problems));
  const zones = fabric.has('zones')
    ? fabric.list('zones', false, (item, itemPath) => readZone(item, itemPath, problems))
    : undefined;
  if (zones !== undefined) indexUnique(zones, idField, 'zone', problems);
  const connections = fabric.has('connections')
    ? fabric.list('connections', false, (item, itemPath) =>
        readConnection(item, itemPath, problems),
      )
    : undefined;
  if (connections !== undefined) indexUnique(connections, idField, 'connection', problems);
  context.parsed.fabrics.push({
    id,
    kind,
    path,
    switches: switches.map((switch_) => switch_.spec),
    links,
    zones,
    connections,
  });
}

function readLink(
  value: unknown,
  path: string,
  problems: ManifestProblems,
): LinkDeclaration | undefined {
  const link = ManifestObject.open(value, path, 'link', problems);
  if (link === undefined) return undefined;
  return { from: link.requiredText('from'), to: link.requiredText('to'), path };
}

function readZone(
  value: unknown,
  path: string,
  problems: ManifestProblems,
): Located<ZoneSpec> | undefined {
  const zone = ManifestObject.open(value, path, 'zone', problems);
  if (zone === undefined) return undefined;
  return { spec: { id: zone.requiredId('id'), endpointIds: zone.idList('endpoints') }, path };
}

function readConnection(
  value: unknown,
  path: string,
  problems: ManifestProblems,
): Located<ConnectionSpec> | undefined {
  const connection = ManifestObject.open(value, path, 'connection', problems);
  if (connection === undefined) return undefined;
  const spec = {
    id: connection.requiredId('id'),
    initiatorEndpointIds: connection.idList('initiators', true),
    targetEndpointIds: connection.idList('targets', true),
  };
  return { spec, path };
}
