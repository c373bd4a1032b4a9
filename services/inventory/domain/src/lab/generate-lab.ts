import {
  manifestApiVersion,
  manifestKind,
  type InventoryManifest,
  type ManifestFabric,
  type ManifestRack,
} from '../manifest/index.js';
import { type RackFabrics } from './lab-endpoints.js';
import { rackCxlFabric, rackPcieFabric } from './lab-fabrics.js';
import { siteNvmeFabric } from './lab-nvme-fabric.js';
import { resolveLabOptions, type LabOptions } from './lab-options.js';
import { planLab, type RackPlan, type SitePlan } from './lab-plan.js';
import { buildRack, type BuiltRack } from './lab-rack.js';
import { Random } from './prng.js';

/** A generated lab: a manifest document that `parseManifest` accepts with no problem. */
export type LabManifest = InventoryManifest;

/**
 * Generates a realistic lab of exactly `hosts` hosts and `devices` devices, the same for the
 * same options. Each site has racks of 16–40 compute hosts grouped in pods; each rack has its
 * own PCIe fabric (GPU chassis and expansion boxes behind partitioned switches) and CXL fabric
 * (memory expanders behind one switch); each site has one NVMe/TCP fabric (JBOFs), zoned per pod.
 * Hosts carry a NIC or DPU and a boot drive.
 *
 * Reach stays bounded so that a 10,000-host, 100,000-device lab stays computable: a host reaches
 * its local devices, the devices of its PCIe partition (≤ ~16), its rack's CXL memory (~11 % of
 * the rack's pooled devices) and the drives of its pod's zone (≤ 256 unless one rack alone holds
 * more), plus at most four granted by a connection. At the default 10 devices per host that is
 * about 200–300 devices per host, whatever the size of the lab.
 */
export function generateLab(options: LabOptions): LabManifest {
  const resolved = resolveLabOptions(options);
  const random = new Random(resolved.seed);
  const sites = planLab(resolved, random);
  const racks: ManifestRack[] = [];
  const fabrics: ManifestFabric[] = [];
  for (const site of sites) {
    const built = buildSite(site, random);
    for (const rack of built.racks) racks.push(rack.rack);
    fabrics.push(...built.fabrics);
  }
  return {
    apiVersion: manifestApiVersion,
    kind: manifestKind,
    sites: sites.map(({ id, name }) => ({ id, name })),
    racks,
    fabrics,
  };
}

function buildSite(
  site: SitePlan,
  random: Random,
): { racks: BuiltRack[]; fabrics: ManifestFabric[] } {
  const nvme = site.racks.some((rack) => rack.pooled.nvme > 0) ? `${site.id}-nvme` : undefined;
  const fabrics: ManifestFabric[] = [];
  const racks = site.pods.flatMap((pod, podIndex) =>
    pod.map((plan) => {
      const rackFabrics = fabricsOf(plan, nvme);
      const rack = buildRack(plan, `${site.id}-pod${podIndex + 1}`, rackFabrics, random);
      if (rackFabrics.pcie !== undefined) {
        fabrics.push(rackPcieFabric(rack, rackFabrics.pcie, random));
      }
      if (rackFabrics.cxl !== undefined) fabrics.push(rackCxlFabric(rack, rackFabrics.cxl));
      return rack;
    }),
  );
  if (nvme !== undefined) fabrics.push(siteNvmeFabric(site.id, nvme, racks, random));
  return { racks, fabrics };
}

/** A rack has a PCIe or CXL fabric only when it has devices for it. */
function fabricsOf(plan: RackPlan, nvme: string | undefined): RackFabrics {
  const { gpu, fpga, nic, cxl } = plan.pooled;
  return {
    ...(gpu + fpga + nic > 0 ? { pcie: `${plan.id}-pcie` } : {}),
    ...(cxl > 0 ? { cxl: `${plan.id}-cxl` } : {}),
    ...(nvme === undefined ? {} : { nvme }),
  };
}
