import {
  type EndpointSpec,
  type FabricSpec,
  type LinkEnd,
  type SwitchSpec,
} from '../model/index.js';
import { compareIds } from './compare-ids.js';

/**
 * A fabric's switching as a graph whose nodes are switch partitions. Traffic entering a switch
 * at a port may leave it by any port of the same partition, so "where can I be" is a partition,
 * not a switch: two ports of one switch in different partitions are different places.
 *
 * Partitions are numbered 0..partitionCount-1 in (switch id, partition id) order, and every list
 * below is sorted by that number. Traversals therefore break ties between equally short paths
 * by ids alone, never by the order in which the spec happens to list things.
 *
 * Whatever a link names that the fabric does not declare (a switch, a port of a switch, an
 * endpoint) is ignored: the link leads nowhere.
 */
export interface FabricGraph {
  readonly partitionCount: number;
  /** The switch each partition belongs to. */
  readonly switchOf: readonly string[];
  /** For each partition, the partitions one link away from one of its ports. */
  readonly neighbours: readonly (readonly number[])[];
  /** The fabric's declared endpoints, by id. */
  readonly endpoints: ReadonlyMap<string, EndpointSpec>;
  /** The partitions an endpoint is cabled into (through the ports its links reach). */
  partitionsOf(endpointId: string): readonly number[];
  /** The endpoints cabled to this one with no switch between. */
  linkedDirectlyTo(endpointId: string): ReadonlySet<string>;
}

/** A switch without partitions is one partition holding every port; this is its id. */
const wholeSwitch = '';

const none: readonly number[] = Object.freeze([]);
const noEndpoints: ReadonlySet<string> = new Set();

export function buildFabricGraph(fabric: FabricSpec): FabricGraph {
  const { switchOf, partitionsOfPort } = numberPartitions(fabric.switches);
  const endpoints = new Map(fabric.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const neighbours = switchOf.map(() => new Set<number>());
  const endpointPartitions = new Map<string, Set<number>>();
  const direct = new Map<string, Set<string>>();

  const resolve = (end: LinkEnd): ResolvedEnd | undefined => {
    if ('endpointId' in end) {
      return endpoints.has(end.endpointId) ? { endpointId: end.endpointId } : undefined;
    }
    const partitions = partitionsOfPort.get(end.switchId)?.get(end.portId);
    return partitions ? { partitions } : undefined;
  };

  for (const link of fabric.links) {
    const a = resolve(link.a);
    const b = resolve(link.b);
    if (!a || !b) continue;
    if ('partitions' in a && 'partitions' in b) {
      joinPartitions(neighbours, a.partitions, b.partitions);
    } else if ('endpointId' in a && 'endpointId' in b) {
      addTo(direct, a.endpointId, b.endpointId);
      addTo(direct, b.endpointId, a.endpointId);
    } else if ('endpointId' in a && 'partitions' in b) {
      for (const partition of b.partitions) addTo(endpointPartitions, a.endpointId, partition);
    } else if ('partitions' in a && 'endpointId' in b) {
      for (const partition of a.partitions) addTo(endpointPartitions, b.endpointId, partition);
    }
  }

  const sortedEndpointPartitions = new Map(
    [...endpointPartitions].map(([id, partitions]) => [id, sortedNumbers(partitions)]),
  );
  return {
    partitionCount: switchOf.length,
    switchOf,
    neighbours: neighbours.map(sortedNumbers),
    endpoints,
    partitionsOf: (endpointId) => sortedEndpointPartitions.get(endpointId) ?? none,
    linkedDirectlyTo: (endpointId) => direct.get(endpointId) ?? noEndpoints,
  };
}

type ResolvedEnd = { readonly endpointId: string } | { readonly partitions: readonly number[] };

interface NumberedPartitions {
  readonly switchOf: readonly string[];
  /** switch id → port id → the partitions holding that port (empty: the port forwards nothing). */
  readonly partitionsOfPort: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
}

/**
 * Numbers every partition of every switch. A partition's ports that the switch does not declare
 * are ignored; a declared port that no partition holds forwards nothing. An empty `partitions`
 * list reads like an absent one (one partition with every port), as an empty zone list does.
 */
function numberPartitions(switches: readonly SwitchSpec[]): NumberedPartitions {
  const partitions = switches
    .flatMap((spec) => partitionsOfSwitch(spec).map((partition) => ({ spec, ...partition })))
    .sort((x, y) => compareIds(x.spec.id, y.spec.id) || compareIds(x.id, y.id));
  const partitionsOfPort = new Map<string, Map<string, number[]>>();
  for (const spec of switches) {
    partitionsOfPort.set(spec.id, new Map(spec.ports.map((port) => [port.id, []])));
  }
  partitions.forEach((partition, number) => {
    const ports = partitionsOfPort.get(partition.spec.id);
    for (const portId of new Set(partition.portIds)) ports?.get(portId)?.push(number);
  });
  return { switchOf: partitions.map((partition) => partition.spec.id), partitionsOfPort };
}

function partitionsOfSwitch(
  spec: SwitchSpec,
): readonly { readonly id: string; readonly portIds: readonly string[] }[] {
  if (spec.partitions && spec.partitions.length > 0) return spec.partitions;
  return [{ id: wholeSwitch, portIds: spec.ports.map((port) => port.id) }];
}

function joinPartitions(
  neighbours: readonly Set<number>[],
  from: readonly number[],
  to: readonly number[],
): void {
  for (const a of from) {
    for (const b of to) {
      if (a === b) continue;
      neighbours[a]?.add(b);
      neighbours[b]?.add(a);
    }
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.add(value);
  else map.set(key, new Set([value]));
}

function sortedNumbers(values: ReadonlySet<number>): readonly number[] {
  return [...values].sort((a, b) => a - b);
}
