import { labSites } from './lab-catalog.js';
import { type ResolvedLabOptions } from './lab-options.js';
import { type Random } from './prng.js';

/** Pooled devices of a rack, by kind. */
export interface PooledCounts {
  readonly gpu: number;
  readonly nvme: number;
  readonly cxl: number;
  readonly fpga: number;
  /** NICs and DPUs in PCIe expansion boxes. */
  readonly nic: number;
}

export interface RackPlan {
  readonly id: string;
  readonly name: string;
  readonly siteId: string;
  readonly hosts: number;
  /** 2: a NIC and a boot drive in every host; 1: a NIC; 0: none (a lab of few devices). */
  readonly localPerHost: 0 | 1 | 2;
  readonly pooled: PooledCounts;
}

export interface SitePlan {
  readonly id: string;
  readonly name: string;
  readonly racks: readonly RackPlan[];
  /** Groups of neighbouring racks that share an NVMe/TCP zone. */
  readonly pods: readonly (readonly RackPlan[])[];
}

const rackHosts = { min: 16, max: 40 } as const;
/** A pod closes before its zone would hold more NVMe targets than this, or more racks. */
const podLimits = { nvmeTargets: 256, racks: 4 } as const;

/**
 * Decides the lab's shape before any object is built: hosts per site and per rack, and each
 * rack's device budget. Budgets follow each rack's share of the hosts, rounded on running
 * totals, so the lab holds exactly the requested number of hosts and devices.
 */
export function planLab(options: ResolvedLabOptions, random: Random): SitePlan[] {
  const perHost = options.devices / options.hosts;
  const localPerHost = perHost >= 6 ? 2 : perHost >= 3 ? 1 : 0;
  let hostsSoFar = 0;
  let devicesSoFar = 0;
  return evenSplit(options.hosts, options.sites).map((siteHosts, siteIndex) => {
    const site = siteIdentity(siteIndex);
    const racks = rackSizes(siteHosts, random).map((hosts, rackIndex): RackPlan => {
      hostsSoFar += hosts;
      const devicesByNow = Math.round((options.devices * hostsSoFar) / options.hosts);
      const budget = devicesByNow - devicesSoFar;
      devicesSoFar = devicesByNow;
      return {
        id: `${site.id}-r${String(rackIndex + 1).padStart(2, '0')}`,
        name: `${site.name}, row ${Math.floor(rackIndex / 10) + 1}, rack ${(rackIndex % 10) + 1}`,
        siteId: site.id,
        hosts,
        localPerHost,
        pooled: splitPooled(budget - localPerHost * hosts, random),
      };
    });
    return { ...site, racks, pods: groupPods(racks) };
  });
}

function siteIdentity(index: number): { id: string; name: string } {
  return labSites[index] ?? { id: `site${index + 1}`, name: `Site ${index + 1}` };
}

/** `total` split into `parts` sizes that differ by one at most. */
function evenSplit(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0),
  );
}

/** Racks of 16 to 40 hosts (a site smaller than that is one rack), of uneven sizes. */
function rackSizes(siteHosts: number, random: Random): number[] {
  if (siteHosts <= rackHosts.max) return [siteHosts];
  const wanted = Math.round(siteHosts / random.int(24, 32));
  const count = Math.min(
    Math.max(wanted, Math.ceil(siteHosts / rackHosts.max)),
    Math.floor(siteHosts / rackHosts.min),
  );
  const sizes = evenSplit(siteHosts, count);
  for (let i = 0; i + 1 < sizes.length; i++) {
    const current = sizes[i] ?? 0;
    const next = sizes[i + 1] ?? 0;
    const moved = random.int(0, Math.min(current - rackHosts.min, rackHosts.max - next, 6));
    sizes[i] = current - moved;
    sizes[i + 1] = next + moved;
  }
  return sizes;
}

/** Each rack leans its own way (more GPUs here, more flash there); NVMe takes the rest. */
function splitPooled(pooled: number, random: Random): PooledCounts {
  const gpu = Math.floor(pooled * random.between(0.2, 0.35));
  const cxl = Math.floor(pooled * random.between(0.08, 0.14));
  const fpga = Math.floor(pooled * random.between(0.02, 0.05));
  const nic = Math.floor(pooled * random.between(0.05, 0.09));
  return { gpu, cxl, fpga, nic, nvme: pooled - gpu - cxl - fpga - nic };
}

function groupPods(racks: readonly RackPlan[]): RackPlan[][] {
  const pods: RackPlan[][] = [];
  let current: RackPlan[] = [];
  let targets = 0;
  for (const rack of racks) {
    const full =
      current.length === podLimits.racks || targets + rack.pooled.nvme > podLimits.nvmeTargets;
    if (current.length > 0 && full) {
      pods.push(current);
      current = [];
      targets = 0;
    }
    current.push(rack);
    targets += rack.pooled.nvme;
  }
  if (current.length > 0) pods.push(current);
  return pods;
}
