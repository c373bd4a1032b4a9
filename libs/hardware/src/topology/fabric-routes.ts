import { type EndpointSpec, type FabricSpec } from '../model/index.js';
import { BestPaths } from './best-paths.js';
import { compareIds } from './compare-ids.js';
import { accessPolicy, type AccessPolicy } from './fabric-access.js';
import { buildFabricGraph, type FabricGraph } from './fabric-graph.js';
import { type Route } from './route.js';
import { SwitchPaths } from './switch-paths.js';

const directPath: readonly string[] = Object.freeze([]);

/**
 * The best route on one fabric for every (known host, known device) pair it joins, hosts in id
 * order and each host's devices in id order. Endpoints stand for the entities they name: an
 * `initiator` for its host when that host is known; a `target` whose entity is a device for each
 * known device among its `entity` and its `servesDeviceIds`. Any other endpoint (unknown host,
 * role and entity type at odds) takes part in nothing, and an unknown served id is left out.
 *
 * Cost: one breadth-first search per distinct set of partitions that initiators are cabled into
 * (hosts on the same leaf share it), then one look-up per target each initiator may address and
 * one offer per device that target serves. On a zoned fabric that is bounded by zone sizes, not
 * by hosts × devices.
 */
export function fabricRoutes(
  fabric: FabricSpec,
  hostIds: ReadonlySet<string>,
  deviceIds: ReadonlySet<string>,
): Route[] {
  const graph = buildFabricGraph(fabric);
  const { initiatorsByHost, targets, deviceIdOf } = classifyEndpoints(graph, hostIds, deviceIds);
  const search: FabricSearch = {
    graph,
    allowedTargets: accessPolicy(fabric, targets),
    pathsFrom: memoisedSwitchPaths(graph),
    best: new BestPaths(deviceIdOf.length),
  };
  const routes: Route[] = [];
  for (const [hostId, initiatorIds] of initiatorsByHost) {
    for (const initiatorId of initiatorIds) offerAllowedTargets(search, initiatorId);
    search.best.drain((device, switchPath) => {
      const deviceId = deviceIdOf[device] ?? '';
      routes.push({ hostId, deviceId, fabricId: fabric.id, hops: switchPath.length, switchPath });
    });
  }
  return routes;
}

/** A target endpoint, resolved once: the numbers of the devices it serves and where it is cabled. */
interface Target {
  readonly endpointId: string;
  readonly devices: readonly number[];
  readonly partitions: readonly number[];
}

interface FabricSearch {
  readonly graph: FabricGraph;
  readonly allowedTargets: AccessPolicy<Target>;
  readonly pathsFrom: (starts: readonly number[]) => SwitchPaths | undefined;
  readonly best: BestPaths;
}

/**
 * Offers the shortest path from an initiator to each target it may address and can reach, for
 * every device the target serves.
 */
function offerAllowedTargets(search: FabricSearch, initiatorId: string): void {
  const { graph, best } = search;
  const paths = search.pathsFrom(graph.partitionsOf(initiatorId));
  const direct = graph.linkedDirectlyTo(initiatorId);
  const offer = (target: Target, path: readonly string[]): void => {
    for (const device of target.devices) best.offer(device, path);
  };
  for (const targets of search.allowedTargets(initiatorId)) {
    for (const target of targets) {
      if (direct.has(target.endpointId)) offer(target, directPath);
      if (!paths) continue;
      for (const partition of target.partitions) {
        if (paths.hopsTo(partition) !== undefined) offer(target, paths.pathTo(partition));
      }
    }
  }
}

interface ClassifiedEndpoints {
  /** Host id → its initiator endpoint ids, hosts in id order. */
  readonly initiatorsByHost: ReadonlyMap<string, readonly string[]>;
  /** Target endpoint id → the target. */
  readonly targets: ReadonlyMap<string, Target>;
  /** Device number → device id; numbers follow id order. */
  readonly deviceIdOf: readonly string[];
}

function classifyEndpoints(
  graph: FabricGraph,
  hostIds: ReadonlySet<string>,
  deviceIds: ReadonlySet<string>,
): ClassifiedEndpoints {
  const initiators: { readonly endpointId: string; readonly hostId: string }[] = [];
  const targetEndpoints: { readonly endpointId: string; readonly deviceIds: string[] }[] = [];
  for (const endpoint of graph.endpoints.values()) {
    const { id: endpointId, entity } = endpoint;
    switch (endpoint.role) {
      case 'initiator':
        if (entity.type === 'host' && hostIds.has(entity.id)) {
          initiators.push({ endpointId, hostId: entity.id });
        }
        break;
      case 'target': {
        const served = entity.type === 'device' ? devicesServedBy(endpoint, deviceIds) : [];
        if (served.length > 0) targetEndpoints.push({ endpointId, deviceIds: served });
        break;
      }
    }
  }

  const initiatorsByHost = new Map<string, string[]>();
  for (const { endpointId, hostId } of initiators.sort((a, b) => compareIds(a.hostId, b.hostId))) {
    const endpointIds = initiatorsByHost.get(hostId) ?? [];
    endpointIds.push(endpointId);
    initiatorsByHost.set(hostId, endpointIds);
  }
  const deviceIdOf = [...new Set(targetEndpoints.flatMap((t) => t.deviceIds))].sort(compareIds);
  const deviceNumber = new Map(deviceIdOf.map((deviceId, number) => [deviceId, number]));
  const targets = new Map(
    targetEndpoints.map(({ endpointId, deviceIds: served }) => [
      endpointId,
      {
        endpointId,
        devices: served.map((deviceId) => deviceNumber.get(deviceId) ?? 0),
        partitions: graph.partitionsOf(endpointId),
      },
    ]),
  );
  return { initiatorsByHost, targets, deviceIdOf };
}

/** The known devices a target endpoint stands for, each once: its entity, then those it serves. */
function devicesServedBy(endpoint: EndpointSpec, deviceIds: ReadonlySet<string>): string[] {
  const { entity, servesDeviceIds = [] } = endpoint;
  const named =
    servesDeviceIds.length === 0 ? [entity.id] : [...new Set([entity.id, ...servesDeviceIds])];
  return named.filter((deviceId) => deviceIds.has(deviceId));
}

/** Searches once per distinct set of starting partitions; none (an uncabled initiator): no search. */
function memoisedSwitchPaths(
  graph: FabricGraph,
): (starts: readonly number[]) => SwitchPaths | undefined {
  const searched = new Map<string, SwitchPaths>();
  return (starts) => {
    if (starts.length === 0) return undefined;
    const key = starts.join(',');
    const known = searched.get(key);
    if (known) return known;
    const paths = new SwitchPaths(graph, starts);
    searched.set(key, paths);
    return paths;
  };
}
