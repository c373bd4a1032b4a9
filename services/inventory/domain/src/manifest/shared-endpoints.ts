import { fieldPath, type ManifestProblems } from './manifest-problems.js';
import { type EndpointDeclaration } from './parsed-manifest.js';

/** The declarations made so far of one endpoint id: the first, and who declared it where. */
interface Declared {
  readonly first: EndpointDeclaration;
  /** Entity (`host h1`, `device d1`) → the path of its first declaration's id. */
  readonly pathsByOwner: Map<string, string>;
  readonly servedIds: string[];
}

/**
 * The endpoints of one fabric, by id in order of first declaration, from what its hosts and
 * devices declared. Devices declaring the same id share one target endpoint (an NVMe-oF
 * subsystem port serving several namespaces, a JBOF's port serving its drives): it belongs to
 * the first of them in document order and serves the others (`servesDeviceIds`). Any other
 * repeat is reported at the later declaration, naming the earlier one: a host's endpoint is its
 * own, so it is shared with nothing; and an item declares each of its endpoints once.
 */
export function mergeEndpoints(
  declarations: readonly EndpointDeclaration[],
  problems: ManifestProblems,
): Map<string, EndpointDeclaration> {
  const byId = new Map<string, Declared>();
  for (const declaration of declarations) {
    const { id, entity } = declaration.endpoint;
    if (id === '') continue;
    const owner = `${entity.type} "${entity.id}"`;
    const path = fieldPath(declaration.path, 'id');
    const declared = byId.get(id);
    if (declared === undefined) {
      byId.set(id, { first: declaration, pathsByOwner: new Map([[owner, path]]), servedIds: [] });
      continue;
    }
    const problem = repeatProblem(declared, declaration, owner);
    if (problem === undefined) {
      declared.pathsByOwner.set(owner, path);
      declared.servedIds.push(entity.id);
    } else {
      problems.add(path, problem);
    }
  }
  return new Map(
    [...byId].map(([id, { first, servedIds }]) => [
      id,
      servedIds.length === 0
        ? first
        : { ...first, endpoint: { ...first.endpoint, servesDeviceIds: servedIds } },
    ]),
  );
}

/** Why a further declaration of an endpoint id cannot join the earlier ones, if it cannot. */
function repeatProblem(
  declared: Declared,
  declaration: EndpointDeclaration,
  owner: string,
): string | undefined {
  const { id, entity } = declaration.endpoint;
  const ownPath = declared.pathsByOwner.get(owner);
  if (ownPath !== undefined) return `duplicate endpoint id "${id}" (first declared at ${ownPath})`;
  const first = declared.first.endpoint.entity;
  if (first.type === 'device' && entity.type === 'device') return undefined;
  const firstOwner = `${first.type} "${first.id}"`;
  const firstPath = declared.pathsByOwner.get(firstOwner) ?? fieldPath(declared.first.path, 'id');
  return `endpoint "${id}" is declared by ${firstOwner} at ${firstPath} and by ${owner}; only devices can share an endpoint`;
}
