import { type DeviceSpec, type FabricSpec, type HostSpec } from '../model/index.js';
import { fabricRoutes } from './fabric-routes.js';
import { indexRoutes } from './reachability-index.js';
import { localFabric, type ReachabilityIndex, type Route } from './route.js';

export interface ReachabilityInput {
  readonly fabrics: readonly FabricSpec[];
  readonly hosts: readonly HostSpec[];
  readonly devices: readonly DeviceSpec[];
}

/**
 * Which devices each host can reach, derived from topology alone (health, lifecycle and
 * allocation are the scheduler's business). A host H reaches a device D when either
 *
 * - D is local to H (`D.hostId === H.id`): fabric `local`, 0 hops, empty path; or
 * - on some fabric F, an initiator endpoint of H and a target endpoint serving D are joined by a
 *   path through F's links and switches, and F lets them talk:
 *   - a path may cross a switch from port p to port q only when p and q share a partition of that
 *     switch (a switch without partitions is one partition holding every port; a declared port
 *     in no partition forwards nothing);
 *   - F has no zones, or the two endpoints share a zone, or a connection of F lists H's endpoint
 *     among its initiators and D's among its targets.
 *
 * A target endpoint serves its `entity` and every device of its `servesDeviceIds` (an NVMe-oF
 * subsystem port and its namespaces, a JBOF's port and its drives). They all share its routes,
 * hops and paths alike, and the zones and connections naming it: access is granted per endpoint,
 * never per device behind it.
 *
 * Hops are the switches on the shortest such path, and the path lists them from the host's side
 * (a path that leaves a switch and comes back into another of its partitions lists it twice);
 * endpoints cabled to each other directly are 0 hops apart. Among equally short paths the choice
 * depends on ids only, never on the order of the spec's lists, so the same topology listed
 * differently yields the same routes. A pair joined by several fabrics gets one route per fabric
 * (and one more if D is also local to H). With several endpoints of H, or several endpoints
 * serving D, on a fabric, the fabric's route is the best over all their pairs.
 *
 * An endpoint belongs to the entities it names (`entity`, and `servesDeviceIds` for a target);
 * host and device `attachments` are the same fact seen from the other side and are not
 * consulted. Dangling references never throw; they are ignored: a link end naming an unknown
 * switch, port or endpoint; an endpoint naming an unknown host, or whose role disagrees with its
 * entity (initiators stand for hosts, targets for devices), which then serves nothing; an unknown
 * device among a target's entity and served ids (the others still count); a device local to an
 * unknown host. Ids are assumed unique per kind (hosts, devices, fabrics; switches, endpoints
 * within a fabric), which is the importers' job to check.
 */
export function computeReachability(input: ReachabilityInput): ReachabilityIndex {
  const hostIds = new Set(input.hosts.map((host) => host.id));
  const deviceIds = new Set(input.devices.map((device) => device.id));
  const routes = localRoutes(input.devices, hostIds);
  for (const fabric of input.fabrics) {
    for (const route of fabricRoutes(fabric, hostIds, deviceIds)) routes.push(route);
  }
  return indexRoutes(routes);
}

const noSwitches: readonly string[] = Object.freeze([]);

function localRoutes(devices: readonly DeviceSpec[], hostIds: ReadonlySet<string>): Route[] {
  const routes: Route[] = [];
  for (const { id: deviceId, hostId } of devices) {
    if (hostId === undefined || !hostIds.has(hostId)) continue;
    routes.push({ hostId, deviceId, fabricId: localFabric, hops: 0, switchPath: noSwitches });
  }
  return routes;
}

/**
 * The routes one fabric provides on its own, between the hosts and devices its endpoints name
 * (a target's served devices included), whether or not the inventory knows them yet: a read model
 * keeps these per fabric and joins them with the items it knows, so that a fabric declared before
 * its hosts and devices needs no recomputation when they arrive.
 */
export function routesOfFabric(fabric: FabricSpec): Route[] {
  const hostIds = new Set<string>();
  const deviceIds = new Set<string>();
  for (const { role, entity, servesDeviceIds = [] } of fabric.endpoints) {
    (entity.type === 'host' ? hostIds : deviceIds).add(entity.id);
    if (role === 'target') for (const deviceId of servesDeviceIds) deviceIds.add(deviceId);
  }
  return fabricRoutes(fabric, hostIds, deviceIds);
}
