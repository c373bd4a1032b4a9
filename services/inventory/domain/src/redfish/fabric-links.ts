import { type LinkEnd, type LinkSpec, type SwitchSpec } from '@tessera/hardware';
import { byText, type JsonObject, linksAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';

export interface SwitchPortRef {
  readonly uri: string;
  readonly resource: JsonObject;
  readonly switchId: string;
  readonly portId: string;
}

export interface EndpointRef {
  readonly uri: string;
  readonly resource: JsonObject;
  readonly id: string;
}

const peersOf = (port: JsonObject | undefined) => [
  ...linksAt(port, 'Links', 'ConnectedPorts'),
  ...linksAt(port, 'Links', 'ConnectedSwitchPorts'),
];

const endKey = (end: LinkEnd) =>
  'endpointId' in end ? end.endpointId : `${end.switchId} ${end.portId}`;

class LinkSet {
  private readonly byKey = new Map<string, LinkSpec>();

  add(a: LinkEnd, b: LinkEnd): void {
    const [first, second] = [a, b].sort((x, y) => byText(endKey(x), endKey(y))) as [
      LinkEnd,
      LinkEnd,
    ];
    this.byKey.set(`${endKey(first)}|${endKey(second)}`, { a: first, b: second });
  }

  sorted(): LinkSpec[] {
    return [...this.byKey.entries()].sort(([x], [y]) => byText(x, y)).map(([, link]) => link);
  }
}

/**
 * The cables of a Redfish fabric. Switch-to-switch: a switch port's `ConnectedPorts` or
 * `ConnectedSwitchPorts` naming another switch port. Switch-to-endpoint: the endpoint's own ports
 * (`Links.Ports`, `Links.ConnectedPorts`) when they are switch ports; else the switch ports whose
 * `ConnectedPorts` name one of them (the switch's view wins where the two sides disagree); else
 * what those device ports say they connect to; else the switch ports listing the endpoint in
 * `AssociatedEndpoints`.
 */
export function fabricLinks(
  reader: RedfishReader,
  ports: readonly SwitchPortRef[],
  endpoints: readonly EndpointRef[],
): LinkSpec[] {
  const portByUri = new Map(ports.map((port) => [port.uri, port]));
  const claimedBy = new Map<string, SwitchPortRef[]>();
  const links = new LinkSet();
  const portEnd = (port: SwitchPortRef): LinkEnd => ({
    switchId: port.switchId,
    portId: port.portId,
  });

  for (const port of ports) {
    for (const peer of peersOf(port.resource)) {
      const other = portByUri.get(peer);
      if (other === undefined) {
        claimedBy.set(peer, [...(claimedBy.get(peer) ?? []), port]);
      } else if (other !== port) {
        links.add(portEnd(port), portEnd(other));
      }
    }
  }
  for (const endpoint of endpoints) {
    const own = [
      ...linksAt(endpoint.resource, 'Links', 'Ports'),
      ...linksAt(endpoint.resource, 'Links', 'ConnectedPorts'),
    ];
    let attached = own.flatMap((uri) => {
      const switchPort = portByUri.get(uri);
      return switchPort === undefined ? (claimedBy.get(uri) ?? []) : [switchPort];
    });
    if (attached.length === 0) {
      attached = own
        .filter((uri) => !portByUri.has(uri))
        .flatMap((uri) => peersOf(reader.get(uri, endpoint.uri)))
        .flatMap((peer) => portByUri.get(peer) ?? []);
    }
    if (attached.length === 0) {
      attached = ports.filter((port) =>
        linksAt(port.resource, 'Links', 'AssociatedEndpoints').includes(endpoint.uri),
      );
    }
    for (const port of attached) links.add(portEnd(port), { endpointId: endpoint.id });
  }
  return links.sorted();
}

/**
 * A switch that stands for an interconnect Redfish does not describe as switches (an IP network,
 * a composition service): one port per endpoint, so every endpoint reaches every other through
 * it, one hop, and zones decide access. Port ids derive from the endpoint ids, so they stay
 * stable when endpoints come and go.
 */
export function starTopology(
  switchId: string,
  endpointIds: readonly string[],
): { switch: SwitchSpec; links: LinkSpec[] } {
  const portId = (endpointId: string) => `${endpointId}:port`;
  return {
    switch: { id: switchId, ports: endpointIds.map((endpointId) => ({ id: portId(endpointId) })) },
    links: endpointIds.map((endpointId) => ({
      a: { switchId, portId: portId(endpointId) },
      b: { endpointId },
    })),
  };
}
