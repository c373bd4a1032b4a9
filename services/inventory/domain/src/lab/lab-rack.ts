import {
  type ManifestDevice,
  type ManifestEndpoint,
  type ManifestHost,
  type ManifestRack,
} from '../manifest/index.js';
import { bootDriveModels, dpuModel, nicModels } from './device-catalog.js';
import { hostMemoryGiB, hostModels } from './lab-catalog.js';
import { labDevice } from './lab-devices.js';
import { pooledEnclosures, type PooledEnclosures } from './lab-enclosures.js';
import { endpointId, fabricRoles, type FabricRole, type RackFabrics } from './lab-endpoints.js';
import { type RackPlan } from './lab-plan.js';
import { type Random } from './prng.js';

/** A rack as built, with the endpoint ids its fabrics must cable and zone. */
export interface BuiltRack {
  readonly plan: RackPlan;
  readonly podId: string;
  readonly rack: ManifestRack;
  /** Host endpoint ids per fabric, in host order. */
  readonly initiators: Readonly<Record<FabricRole, readonly string[]>>;
  readonly pooled: PooledEnclosures;
}

export function buildRack(
  plan: RackPlan,
  podId: string,
  fabrics: RackFabrics,
  random: Random,
): BuiltRack {
  const roles = fabricRoles.filter((role) => fabrics[role] !== undefined);
  const initiators: Record<FabricRole, string[]> = { pcie: [], cxl: [], nvme: [] };
  const hosts = Array.from({ length: plan.hosts }, (_, index) => {
    const id = `${plan.id}-h${String(index + 1).padStart(2, '0')}`;
    const endpoints = roles.map((role) => {
      initiators[role].push(endpointId(id, role));
      return { fabric: fabrics[role] ?? '', id: endpointId(id, role) };
    });
    return buildHost(id, plan, podId, endpoints, random);
  });
  const pooled = pooledEnclosures(plan, podId, fabrics, random);
  return {
    plan,
    podId,
    rack: {
      id: plan.id,
      site: plan.siteId,
      name: plan.name,
      hosts,
      enclosures: pooled.enclosures,
    },
    initiators,
    pooled,
  };
}

function buildHost(
  id: string,
  plan: RackPlan,
  podId: string,
  endpoints: ManifestEndpoint[],
  random: Random,
): ManifestHost {
  const model = random.pick(hostModels);
  const cpu = random.pick(model.cpus);
  return {
    id,
    vendor: model.vendor,
    model: model.model,
    serial: model.serialPrefix + random.alphanumeric(7),
    cpuModel: cpu.model,
    cpuCores: cpu.coresPerSocket * 2,
    memoryGiB: random.pick(hostMemoryGiB),
    labels: { pod: podId },
    health: random.chance(1 / 200) ? 'warning' : 'ok',
    endpoints,
    devices: localDevices(id, plan.localPerHost, random),
  };
}

/** A NIC (one host in ten has a DPU instead) and, with room for two, a boot drive. */
function localDevices(hostId: string, count: number, random: Random): ManifestDevice[] {
  const devices: ManifestDevice[] = [];
  if (count >= 1) {
    const numaNode = random.int(0, 1);
    devices.push(
      random.chance(0.1)
        ? labDevice(`${hostId}-dpu0`, 'dpu', dpuModel, random, { numaNode })
        : labDevice(`${hostId}-nic0`, 'nic', random.pick(nicModels), random, { numaNode }),
    );
  }
  if (count >= 2) {
    const drive = random.pick(bootDriveModels);
    const capacityTB = random.pick(drive.sizes);
    devices.push(labDevice(`${hostId}-nvme0`, 'nvme', drive, random, { capacityTB, numaNode: 0 }));
  }
  return devices;
}
