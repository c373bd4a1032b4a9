import {
  endpointEnd,
  switchPortEnd,
  type ManifestFabric,
  type ManifestLink,
  type ManifestPartition,
  type ManifestPort,
} from '../manifest/index.js';
import { cxlSwitchModel, pcieSwitchModels } from './lab-catalog.js';
import { type BuiltRack } from './lab-rack.js';
import { type Random } from './prng.js';

/** PCIe Gen5 x16 and CXL x8 links, in Gbps. */
const pcieGen5x16Gbps = 512;
const cxlX8Gbps = 256;
/** Downstream devices per PCIe switch before the rack gets another switch. */
const targetsPerPcieSwitch = 32;

/** A switch being cabled; it becomes a `ManifestSwitch` as it is. */
export interface WiredSwitch {
  readonly id: string;
  readonly vendor?: string;
  readonly model?: string;
  readonly ports: ManifestPort[];
  partitions?: ManifestPartition[];
}

/** Accumulates a fabric's switches and links; ports are numbered as they are cabled. */
export class FabricWiring {
  readonly switches: WiredSwitch[] = [];
  readonly links: ManifestLink[] = [];

  addSwitch(identity: { id: string; vendor: string; model: string }): WiredSwitch {
    const added = { ...identity, ports: [] };
    this.switches.push(added);
    return added;
  }

  /** Adds a port to the switch and cables it to `end` (a link end); returns the port id. */
  cable(
    switch_: WiredSwitch,
    end: string,
    bandwidthGbps: number,
    portId = `p${switch_.ports.length + 1}`,
  ): string {
    switch_.ports.push({ id: portId, bandwidthGbps });
    this.links.push({ from: end, to: switchPortEnd(switch_.id, portId) });
    return portId;
  }
}

/**
 * The rack's PCIe fabric: hosts and pooled PCIe devices split in contiguous blocks over one
 * switch per 32 devices, each switch cut in two partitions (virtual switches) holding half of
 * its hosts and half of its devices. A host reaches the devices of its partition: at most about
 * 16 at the default density.
 */
export function rackPcieFabric(rack: BuiltRack, fabricId: string, random: Random): ManifestFabric {
  const hosts = rack.initiators.pcie;
  const targets = rack.pooled.pcieTargets;
  const count = Math.min(
    Math.ceil(targets.length / targetsPerPcieSwitch),
    Math.max(1, hosts.length),
  );
  const hardware = random.pick(pcieSwitchModels);
  const wiring = new FabricWiring();
  for (let index = 0; index < count; index++) {
    const switch_ = wiring.addSwitch({ id: `${rack.plan.id}-pcie-sw${index + 1}`, ...hardware });
    const upstream = block(hosts, index, count).map((host) =>
      wiring.cable(switch_, endpointEnd(host), pcieGen5x16Gbps),
    );
    const downstream = block(targets, index, count).map((target) =>
      wiring.cable(switch_, endpointEnd(target), pcieGen5x16Gbps),
    );
    switch_.partitions = partitions(upstream, downstream);
  }
  return { id: fabricId, kind: 'pcie', switches: wiring.switches, links: wiring.links };
}

/** The rack's CXL fabric: one switch joining every host to every memory expander of the rack. */
export function rackCxlFabric(rack: BuiltRack, fabricId: string): ManifestFabric {
  const wiring = new FabricWiring();
  const switch_ = wiring.addSwitch({ id: `${rack.plan.id}-cxl-sw1`, ...cxlSwitchModel });
  for (const end of [...rack.initiators.cxl, ...rack.pooled.cxlTargets]) {
    wiring.cable(switch_, endpointEnd(end), cxlX8Gbps);
  }
  return { id: fabricId, kind: 'cxl', switches: wiring.switches, links: wiring.links };
}

/** Two virtual switches when there are enough ports for both to be useful, else one. */
function partitions(upstream: string[], downstream: string[]): ManifestPartition[] {
  if (upstream.length < 2 || downstream.length < 2) {
    return [{ id: 'vs1', ports: [...upstream, ...downstream] }];
  }
  const half = (ports: string[]): number => Math.ceil(ports.length / 2);
  return [
    {
      id: 'vs1',
      ports: [...upstream.slice(0, half(upstream)), ...downstream.slice(0, half(downstream))],
    },
    {
      id: 'vs2',
      ports: [...upstream.slice(half(upstream)), ...downstream.slice(half(downstream))],
    },
  ];
}

/** The `index`-th of `count` contiguous, nearly equal blocks of `list`. */
function block<T>(list: readonly T[], index: number, count: number): T[] {
  const start = Math.floor((index * list.length) / count);
  return list.slice(start, Math.floor(((index + 1) * list.length) / count));
}
