import { type FabricSpec } from '@tessera/hardware';
import { fieldPath, type ManifestProblems } from './manifest-problems.js';
import { type EndpointDeclaration, type ParsedManifest } from './parsed-manifest.js';
import { resolveFabric } from './resolve-fabric.js';
import { idField, indexUnique } from './unique-ids.js';

/**
 * The second pass: ids are unique per kind (device ids across the whole document, wherever the
 * device sits), and everything a part refers to is declared. Returns the fabrics completed with
 * their endpoints.
 */
export function checkReferences(parsed: ParsedManifest, problems: ManifestProblems): FabricSpec[] {
  const sites = indexUnique(parsed.sites, idField, 'site', problems);
  indexUnique(parsed.racks, idField, 'rack', problems);
  const enclosures = indexUnique(parsed.enclosures, idField, 'enclosure', problems);
  indexUnique(parsed.hosts, idField, 'host', problems);
  indexUnique(parsed.devices, idField, 'device', problems);
  const fabrics = indexUnique(
    parsed.fabrics,
    (fabric) => ({ id: fabric.id, path: fieldPath(fabric.path, 'id') }),
    'fabric',
    problems,
  );

  for (const rack of parsed.racks) {
    const { siteId } = rack.spec;
    if (siteId !== '' && !sites.has(siteId)) {
      problems.add(fieldPath(rack.path, 'site'), `no site "${siteId}" is declared`);
    }
  }
  for (const host of parsed.hosts) {
    const { enclosureId, rackId } = host.spec;
    if (enclosureId === undefined || enclosureId === '') continue;
    const enclosure = enclosures.get(enclosureId);
    const path = fieldPath(host.path, 'enclosure');
    if (enclosure === undefined) {
      problems.add(path, `no enclosure "${enclosureId}" is declared`);
    } else if (enclosure.spec.rackId !== rackId) {
      problems.add(
        path,
        `enclosure "${enclosureId}" is in rack "${enclosure.spec.rackId}", not in this host's rack`,
      );
    }
  }

  const endpointsByFabric = groupEndpoints(parsed.endpoints, new Set(fabrics.keys()), problems);
  return [...fabrics.values()].map((fabric) =>
    resolveFabric(fabric, endpointsByFabric.get(fabric.id) ?? [], problems),
  );
}

function groupEndpoints(
  declarations: readonly EndpointDeclaration[],
  fabricIds: ReadonlySet<string>,
  problems: ManifestProblems,
): Map<string, EndpointDeclaration[]> {
  const byFabric = new Map<string, EndpointDeclaration[]>();
  for (const declaration of declarations) {
    const { fabricId } = declaration;
    if (fabricId === '') continue;
    if (!fabricIds.has(fabricId)) {
      problems.add(fieldPath(declaration.path, 'fabric'), `no fabric "${fabricId}" is declared`);
      continue;
    }
    const group = byFabric.get(fabricId);
    if (group === undefined) byFabric.set(fabricId, [declaration]);
    else group.push(declaration);
  }
  return byFabric;
}
