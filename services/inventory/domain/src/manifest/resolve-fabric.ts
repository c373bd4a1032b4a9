import { type EndpointSpec, type FabricSpec, type LinkEnd, type LinkSpec } from '@tessera/hardware';
import { endpointLinkPrefix } from './manifest-document.js';
import { fieldPath, itemPath, type ManifestProblems } from './manifest-problems.js';
import {
  withoutUndefined,
  type EndpointDeclaration,
  type FabricDeclaration,
  type LinkDeclaration,
} from './parsed-manifest.js';
import { mergeEndpoints } from './shared-endpoints.js';

interface FabricScope {
  readonly fabric: FabricDeclaration;
  readonly endpoints: ReadonlyMap<string, EndpointDeclaration>;
  readonly portsBySwitch: ReadonlyMap<string, ReadonlySet<string>>;
  readonly problems: ManifestProblems;
}

/**
 * Completes a fabric with the endpoints its hosts and devices declared, and checks what refers
 * to them: an endpoint id is one host's, or one device's or shared by devices (see
 * `mergeEndpoints`); link ends exist; zones name endpoints of the fabric; connections grant host
 * endpoints access to device endpoints.
 */
export function resolveFabric(
  fabric: FabricDeclaration,
  declarations: readonly EndpointDeclaration[],
  problems: ManifestProblems,
): FabricSpec {
  const endpoints = mergeEndpoints(declarations, problems);
  const portsBySwitch = new Map<string, ReadonlySet<string>>();
  for (const switch_ of fabric.switches) {
    if (!portsBySwitch.has(switch_.id)) {
      portsBySwitch.set(switch_.id, new Set(switch_.ports.map((port) => port.id)));
    }
  }
  const scope: FabricScope = { fabric, endpoints, portsBySwitch, problems };
  const links = fabric.links.flatMap((link) => resolveLink(link, scope) ?? []);
  for (const zone of fabric.zones ?? []) {
    checkEndpointIds(zone.spec.endpointIds, fieldPath(zone.path, 'endpoints'), undefined, scope);
  }
  for (const connection of fabric.connections ?? []) {
    const { initiatorEndpointIds, targetEndpointIds } = connection.spec;
    checkEndpointIds(
      initiatorEndpointIds,
      fieldPath(connection.path, 'initiators'),
      'initiator',
      scope,
    );
    checkEndpointIds(targetEndpointIds, fieldPath(connection.path, 'targets'), 'target', scope);
  }
  return withoutUndefined({
    id: fabric.id,
    kind: fabric.kind,
    switches: fabric.switches,
    endpoints: [...endpoints.values()].map((declaration) => declaration.endpoint),
    links,
    zones: fabric.zones?.map((zone) => zone.spec),
    connections: fabric.connections?.map((connection) => connection.spec),
  });
}

function resolveLink(link: LinkDeclaration, scope: FabricScope): LinkSpec | undefined {
  const a = resolveEnd(link.from, fieldPath(link.path, 'from'), scope);
  const b = resolveEnd(link.to, fieldPath(link.path, 'to'), scope);
  if (link.from !== '' && link.from === link.to) {
    scope.problems.add(link.path, 'a link must join two different ends');
  }
  return a !== undefined && b !== undefined ? { a, b } : undefined;
}

/**
 * `ep:<endpointId>`, or `<switchId>/<portId>`. Ids may themselves hold `/`, so the end is split
 * at whichever `/` names a declared switch and one of its ports.
 */
function resolveEnd(written: string, path: string, scope: FabricScope): LinkEnd | undefined {
  const { fabric, problems } = scope;
  if (written === '') return undefined;
  if (written.startsWith(endpointLinkPrefix)) {
    const endpointId = written.slice(endpointLinkPrefix.length);
    if (scope.endpoints.has(endpointId)) return { endpointId };
    problems.add(path, `no endpoint "${endpointId}" on fabric "${fabric.id}"`);
    return undefined;
  }
  const firstSlash = written.indexOf('/');
  if (firstSlash === -1) {
    problems.add(
      path,
      `must be <switch>/<port> or ${endpointLinkPrefix}<endpoint>, not "${written}"`,
    );
    return undefined;
  }
  let knownSwitch: string | undefined;
  for (let slash = firstSlash; slash !== -1; slash = written.indexOf('/', slash + 1)) {
    const switchId = written.slice(0, slash);
    const portId = written.slice(slash + 1);
    const ports = scope.portsBySwitch.get(switchId);
    if (ports?.has(portId)) return { switchId, portId };
    knownSwitch ??= ports === undefined ? undefined : switchId;
  }
  problems.add(
    path,
    knownSwitch === undefined
      ? `no switch "${written.slice(0, firstSlash)}" on fabric "${fabric.id}"`
      : `switch "${knownSwitch}" has no port "${written.slice(knownSwitch.length + 1)}"`,
  );
  return undefined;
}

/** Every id names an endpoint of the fabric, of the given role when one is required. */
function checkEndpointIds(
  ids: readonly string[],
  listPath: string,
  role: EndpointSpec['role'] | undefined,
  scope: FabricScope,
): void {
  ids.forEach((id, index) => {
    if (id === '') return;
    const declaration = scope.endpoints.get(id);
    const path = itemPath(listPath, index);
    if (declaration === undefined) {
      scope.problems.add(path, `no endpoint "${id}" on fabric "${scope.fabric.id}"`);
    } else if (role !== undefined && declaration.endpoint.role !== role) {
      const owner = declaration.endpoint.entity;
      scope.problems.add(
        path,
        `endpoint "${id}" belongs to ${owner.type} "${owner.id}"; ${role}s are ${role === 'initiator' ? 'host' : 'device'} endpoints`,
      );
    }
  });
}
