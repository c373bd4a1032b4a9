import { scheduler } from '@tessera/composer-domain';
import {
  type DeviceKind,
  deviceKinds,
  type DeviceSpec,
  type FabricSpec,
  type HostSpec,
  type ItemEvent,
  itemEventOf,
  type ItemFact,
  type ItemKind,
  type ItemSpecs,
  type SourceRef,
} from '@tessera/hardware';

/**
 * A small hardware lab as the inventory's item events describe it:
 * - site s1; racks r1, r2; enclosures e1 (GPU chassis, r1) and e2 (JBOF, r2);
 * - hosts h1 (r1), h2 (r2), h3 (r2);
 * - GPUs g1, g2 in e1, g3 in e2; NVMe drives n1, n2 in e2; l1, a GPU local to h1;
 * - fabric pcie-1 (switch sw1): h1 and h3 reach g1, g2, g3 in one hop;
 * - fabric nvme-1 (switch sw2): h2 and h3 reach n1, n2 in one hop.
 */
export const labSource: SourceRef = { kind: 'manifest', id: 'lab' };

export function hostSpec(id: string, rackId: string): HostSpec {
  return {
    id,
    name: id,
    rackId,
    vendor: 'Acme',
    model: 'C1',
    serial: `sn-${id}`,
    cpuCores: 64,
    memoryGiB: 512,
    attachments: [],
  };
}

export function deviceSpec(
  id: string,
  kind: DeviceKind,
  placement: { enclosureId?: string; hostId?: string },
): DeviceSpec {
  return {
    id,
    kind,
    vendor: 'Acme',
    model: kind === 'gpu' ? 'G80' : 'N8',
    serial: `sn-${id}`,
    attributes: kind === 'gpu' ? { memoryGiB: 80 } : { capacityTB: 8 },
    attachments: [],
    maxCompositions: 1,
    ...placement,
  };
}

/** One switch `switchId`; every host and device named has an endpoint cabled to it. */
export function starFabric(
  id: string,
  switchId: string,
  hostIds: readonly string[],
  deviceIds: readonly string[],
): FabricSpec {
  const endpoints = [
    ...hostIds.map((hostId) => ({
      id: `${id}-i-${hostId}`,
      role: 'initiator' as const,
      entity: { type: 'host' as const, id: hostId },
    })),
    ...deviceIds.map((deviceId) => ({
      id: `${id}-t-${deviceId}`,
      role: 'target' as const,
      entity: { type: 'device' as const, id: deviceId },
    })),
  ];
  return {
    id,
    kind: 'pcie',
    switches: [{ id: switchId, ports: endpoints.map((endpoint) => ({ id: `p-${endpoint.id}` })) }],
    endpoints,
    links: endpoints.map((endpoint) => ({
      a: { endpointId: endpoint.id },
      b: { switchId, portId: `p-${endpoint.id}` },
    })),
  };
}

export function registered<K extends ItemKind>(kind: K, spec: ItemSpecs[K]): ItemEvent {
  return itemEventOf(kind, spec.id, { fact: 'Registered', spec, source: labSource });
}

/** A fact about an item other than its registration, as the inventory publishes it. */
export function itemEvent<K extends ItemKind>(kind: K, id: string, fact: ItemFact<K>): ItemEvent {
  return itemEventOf(kind, id, fact);
}

export function smallLabEvents(): ItemEvent[] {
  return [
    registered('site', { id: 's1', name: 'site one' }),
    registered('rack', { id: 'r1', siteId: 's1', name: 'rack one' }),
    registered('rack', { id: 'r2', siteId: 's1', name: 'rack two' }),
    registered('enclosure', enclosure('e1', 'gpu-chassis', 'r1')),
    registered('enclosure', enclosure('e2', 'jbof', 'r2')),
    registered('host', hostSpec('h1', 'r1')),
    registered('host', hostSpec('h2', 'r2')),
    registered('host', hostSpec('h3', 'r2')),
    registered('device', deviceSpec('g1', 'gpu', { enclosureId: 'e1' })),
    registered('device', deviceSpec('g2', 'gpu', { enclosureId: 'e1' })),
    registered('device', deviceSpec('g3', 'gpu', { enclosureId: 'e2' })),
    registered('device', deviceSpec('n1', 'nvme', { enclosureId: 'e2' })),
    registered('device', deviceSpec('n2', 'nvme', { enclosureId: 'e2' })),
    registered('device', deviceSpec('l1', 'gpu', { hostId: 'h1' })),
    registered('fabric', starFabric('pcie-1', 'sw1', ['h1', 'h3'], ['g1', 'g2', 'g3'])),
    registered('fabric', starFabric('nvme-1', 'sw2', ['h2', 'h3'], ['n1', 'n2'])),
  ];
}

function enclosure(
  id: string,
  kind: 'gpu-chassis' | 'jbof',
  rackId: string,
): ItemSpecs['enclosure'] {
  return { id, kind, rackId, vendor: 'Acme', model: 'E1', serial: `sn-${id}` };
}

/**
 * The devices of `kind` the scheduler would give a composition on `hostId`: the most it can
 * place at once (every filter applied, allocations included), in id order.
 */
export function schedulableDevices(
  index: scheduler.CandidateIndex,
  hostId: string,
  kind: DeviceKind,
): string[] {
  const reachable = index.reachable(hostId, kind).length;
  for (let count = reachable; count > 0; count -= 1) {
    const outcome = scheduler.preview(
      { tenant: 'acme', host: { hostId }, groups: [{ name: 'g', kind, count }] },
      index,
      scheduler.defaultSchedulerConfig,
    );
    if (outcome.outcome === 'scheduled') {
      return [...(outcome.groups[0]?.deviceIds ?? [])].sort();
    }
  }
  return [];
}

/** Everything a candidate index answers about the given hosts and devices, to compare two. */
export function indexView(
  index: scheduler.CandidateIndex,
  deviceIds: readonly string[],
): Record<string, unknown> {
  return {
    hosts: index.hosts(),
    devices: deviceIds.map((id) => index.device(id) ?? null),
    allocations: deviceIds.map((id) => index.allocationsOf(id)),
    reach: index.hosts().map((host) => ({
      host: host.id,
      routes: deviceIds.map((id) => index.route(host.id, id) ?? null),
      reachable: deviceKinds.map((kind) => index.reachable(host.id, kind)),
    })),
  };
}
