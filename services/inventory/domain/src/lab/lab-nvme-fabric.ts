import { endpointEnd, switchPortEnd, type ManifestFabric } from '../manifest/index.js';
import { ethernetSwitchModels, jbofSwitchModel } from './lab-catalog.js';
import { FabricWiring, type WiredSwitch } from './lab-fabrics.js';
import { type BuiltRack } from './lab-rack.js';
import { type Random } from './prng.js';

const spines = 2;
const gbps = { host: 200, drive: 100, jbofUplink: 200, spineUplink: 400 } as const;

/**
 * A site's NVMe/TCP fabric, leaf and spine: every rack has a leaf cabled to both spines, hosts
 * and JBOFs hang off their rack's leaf, and each JBOF's drives sit behind the JBOF's own
 * Ethernet switch (an EBOF). Cabling reaches the whole site, so zoning bounds reach: one zone per
 * pod holds the pod's host initiators and drive targets, and one connection grants two hosts of
 * the last pod four drives of the first, as a replication target would.
 */
export function siteNvmeFabric(
  siteId: string,
  fabricId: string,
  racks: readonly BuiltRack[],
  random: Random,
): ManifestFabric {
  const wiring = new FabricWiring();
  const spineSwitches = Array.from({ length: spines }, (_, index) =>
    wiring.addSwitch({ id: `${siteId}-spine${index + 1}`, ...ethernetSwitchModels[0] }),
  );
  for (const rack of racks) cableRack(rack, spineSwitches, wiring, random);
  const zones = podZones(racks);
  const first = zones[0];
  const last = zones[zones.length - 1];
  const initiators = last?.hosts.slice(0, 2) ?? [];
  const targets = first?.targets.slice(0, 4) ?? [];
  const connections =
    zones.length >= 2 && initiators.length > 0 && targets.length > 0
      ? [{ id: `${siteId}-replication`, initiators, targets }]
      : [];
  return {
    id: fabricId,
    kind: 'nvme-tcp',
    switches: wiring.switches,
    links: wiring.links,
    zones: zones.map((zone) => ({ id: zone.id, endpoints: [...zone.hosts, ...zone.targets] })),
    connections,
  };
}

function cableRack(
  rack: BuiltRack,
  spineSwitches: readonly WiredSwitch[],
  wiring: FabricWiring,
  random: Random,
): void {
  const leaf = wiring.addSwitch({
    id: `${rack.plan.id}-leaf`,
    ...random.pick(ethernetSwitchModels),
  });
  for (const host of rack.initiators.nvme) wiring.cable(leaf, endpointEnd(host), gbps.host);
  for (const jbof of rack.pooled.jbofs) {
    const ebof = wiring.addSwitch({ id: `${jbof.id}-esw`, ...jbofSwitchModel });
    jbof.targets.forEach((target, index) => {
      wiring.cable(ebof, endpointEnd(target), gbps.drive, `d${String(index + 1).padStart(2, '0')}`);
    });
    for (const uplink of ['up1', 'up2']) {
      ebof.ports.push({ id: uplink, bandwidthGbps: gbps.jbofUplink });
      wiring.cable(leaf, switchPortEnd(ebof.id, uplink), gbps.jbofUplink);
    }
  }
  spineSwitches.forEach((spine, index) => {
    const uplink = `up${index + 1}`;
    leaf.ports.push({ id: uplink, bandwidthGbps: gbps.spineUplink });
    wiring.cable(spine, switchPortEnd(leaf.id, uplink), gbps.spineUplink);
  });
}

interface PodZone {
  readonly id: string;
  readonly hosts: string[];
  readonly targets: string[];
}

function podZones(racks: readonly BuiltRack[]): PodZone[] {
  const zones = new Map<string, PodZone>();
  for (const rack of racks) {
    const zone = zones.get(rack.podId) ?? { id: rack.podId, hosts: [], targets: [] };
    zones.set(rack.podId, zone);
    zone.hosts.push(...rack.initiators.nvme);
    for (const jbof of rack.pooled.jbofs) zone.targets.push(...jbof.targets);
  }
  return [...zones.values()];
}
