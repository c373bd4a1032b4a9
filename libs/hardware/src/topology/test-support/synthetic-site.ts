import {
  type DeviceSpec,
  type EndpointSpec,
  type FabricSpec,
  type HostSpec,
  type LinkSpec,
  type SwitchSpec,
  type ZoneSpec,
} from '../../model/index.js';
import { device, host, initiator, link, switchWithPorts, target } from './topology-builders.js';

export interface SiteShape {
  readonly zones: number;
  readonly hostsPerZone: number;
  readonly devicesPerZone: number;
  readonly devicesPerLeaf: number;
}

export interface SyntheticSite {
  readonly fabric: FabricSpec;
  readonly hosts: HostSpec[];
  readonly devices: DeviceSpec[];
}

/**
 * A leaf-spine fabric where every host is cabled to every device (leaf → either spine → leaf)
 * and only zoning bounds reach. Zone z holds hosts `z{z}-h{i}` on leaf `leaf-z{z}-h` and devices
 * `z{z}-d{i}` on leaves `leaf-z{z}-d{k}`; each leaf has an uplink to `spine-0` and `spine-1`.
 */
export function syntheticSite(shape: SiteShape): SyntheticSite {
  const site = new SiteBuilder();
  for (let zone = 0; zone < shape.zones; zone += 1) {
    const members: string[] = [];
    const hostLeaf = site.leaf(`leaf-z${zone}-h`);
    for (let i = 0; i < shape.hostsPerZone; i += 1) {
      members.push(site.host(`z${zone}-h${i}`, hostLeaf));
    }
    for (let i = 0; i < shape.devicesPerZone; i += 1) {
      const deviceLeaf = site.leaf(`leaf-z${zone}-d${Math.floor(i / shape.devicesPerLeaf)}`);
      members.push(site.device(`z${zone}-d${i}`, deviceLeaf));
    }
    site.zones.push({ id: `zone-${zone}`, endpointIds: members });
  }
  return site.build();
}

class SiteBuilder {
  readonly zones: ZoneSpec[] = [];
  private readonly hosts: HostSpec[] = [];
  private readonly devices: DeviceSpec[] = [];
  private readonly endpoints: EndpointSpec[] = [];
  private readonly links: LinkSpec[] = [];
  private readonly ports = new Map<string, string[]>([
    ['spine-0', []],
    ['spine-1', []],
  ]);

  /** The leaf's id, created with its uplinks on first use. */
  leaf(id: string): string {
    if (this.ports.has(id)) return id;
    this.ports.set(id, []);
    for (const spine of ['spine-0', 'spine-1']) {
      this.links.push(link(this.newPort(id), this.newPort(spine)));
    }
    return id;
  }

  /** Adds a host cabled to the leaf; returns its endpoint id. */
  host(id: string, leaf: string): string {
    this.hosts.push(host(id));
    return this.cable(initiator(`${id}-ep`, id), leaf);
  }

  /** Adds a device cabled to the leaf; returns its endpoint id. */
  device(id: string, leaf: string): string {
    this.devices.push(device(id));
    return this.cable(target(`${id}-ep`, id), leaf);
  }

  build(): SyntheticSite {
    const switches: SwitchSpec[] = [...this.ports].map(([id, ports]) => switchWithPorts(id, ports));
    const fabric: FabricSpec = {
      id: 'site-fabric',
      kind: 'nvme-rdma',
      switches,
      endpoints: this.endpoints,
      links: this.links,
      zones: this.zones,
    };
    return { fabric, hosts: this.hosts, devices: this.devices };
  }

  private cable(endpoint: EndpointSpec, leaf: string): string {
    this.endpoints.push(endpoint);
    this.links.push(link(endpoint.id, this.newPort(leaf)));
    return endpoint.id;
  }

  /** A new port on the switch, as a link end name. */
  private newPort(switchId: string): string {
    const ports = this.ports.get(switchId) ?? [];
    const portId = `p${ports.length}`;
    ports.push(portId);
    this.ports.set(switchId, ports);
    return `${switchId}:${portId}`;
  }
}
