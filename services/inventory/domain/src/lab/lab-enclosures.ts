import { type EnclosureKind } from '@tessera/hardware';
import {
  type ManifestDevice,
  type ManifestEnclosure,
  type ManifestEndpoint,
} from '../manifest/index.js';
import {
  cxlMemoryModels,
  dpuModel,
  fpgaModels,
  gpuModels,
  nicModels,
  pooledDriveModels,
} from './device-catalog.js';
import {
  cxlBoxModels,
  expansionBoxModels,
  gpuChassisModels,
  jbofModels,
  type EnclosureModel,
} from './lab-catalog.js';
import { labDevice, sharing } from './lab-devices.js';
import { endpointId, type FabricRole, type RackFabrics } from './lab-endpoints.js';
import { type RackPlan } from './lab-plan.js';
import { type Random } from './prng.js';

/** A rack's pooled enclosures, with the endpoint ids its fabrics must cable. */
export interface PooledEnclosures {
  readonly enclosures: readonly ManifestEnclosure[];
  readonly pcieTargets: readonly string[];
  readonly cxlTargets: readonly string[];
  /** NVMe/TCP endpoint ids per JBOF (each JBOF has its own switch). */
  readonly jbofs: readonly { readonly id: string; readonly targets: readonly string[] }[];
}

/**
 * The rack's pooled devices in their enclosures: GPU chassis and PCIe expansion boxes (FPGAs,
 * NICs, DPUs) behind the rack's PCIe switches, CXL memory boxes behind its CXL switch, JBOFs on
 * the site's NVMe/TCP fabric. NVMe drives (namespaces) and CXL memory are sometimes shared.
 */
export function pooledEnclosures(
  plan: RackPlan,
  podId: string,
  fabrics: RackFabrics,
  random: Random,
): PooledEnclosures {
  const pool = new RackPool(plan.id, podId, fabrics, random);
  addGpuChassis(pool, plan.pooled.gpu);
  addExpansionBoxes(pool, plan.pooled.fpga, plan.pooled.nic);
  addCxlMemory(pool, plan.pooled.cxl);
  addJbofs(pool, plan.pooled.nvme);
  return pool;
}

class RackPool implements PooledEnclosures {
  readonly enclosures: ManifestEnclosure[] = [];
  readonly pcieTargets: string[] = [];
  readonly cxlTargets: string[] = [];
  readonly jbofs: { readonly id: string; readonly targets: string[] }[] = [];

  constructor(
    private readonly rackId: string,
    private readonly podId: string,
    private readonly fabrics: RackFabrics,
    readonly random: Random,
  ) {}

  /** Enclosures of `models` (chosen one by one) until `count` devices have a slot. */
  fill(
    prefix: string,
    kind: EnclosureKind,
    count: number,
    models: readonly [EnclosureModel, ...EnclosureModel[]],
    devicesFor: (enclosureId: string, slotIds: readonly string[]) => ManifestDevice[],
  ): void {
    for (let number = 1, left = count; left > 0; number++) {
      const model = this.random.pick(models);
      const id = `${this.rackId}-${prefix}${number}`;
      const slots = Math.min(model.slots, left);
      this.enclosures.push({
        id,
        kind,
        vendor: model.vendor,
        model: model.model,
        serial: model.serialPrefix + this.random.alphanumeric(8),
        labels: { pod: this.podId },
        devices: devicesFor(id, slotIds(id, slots)),
      });
      left -= slots;
    }
  }

  /** Declares a device's endpoint and records it among `targets`. */
  endpoint(deviceId: string, role: FabricRole, targets: string[]): ManifestEndpoint {
    const id = endpointId(deviceId, role);
    targets.push(id);
    return { fabric: this.fabrics[role] ?? '', id };
  }
}

function addGpuChassis(pool: RackPool, count: number): void {
  const { random } = pool;
  pool.fill('gpu', 'gpu-chassis', count, gpuChassisModels, (_, slotIds) => {
    const gpu = random.pick(gpuModels);
    return slotIds.map((id) =>
      labDevice(id, 'gpu', gpu, random, { endpoint: pool.endpoint(id, 'pcie', pool.pcieTargets) }),
    );
  });
}

/** FPGAs first, then NICs (three in ten of them DPUs), in the same boxes. */
function addExpansionBoxes(pool: RackPool, fpgas: number, nics: number): void {
  const { random } = pool;
  let placed = 0;
  pool.fill('pcie', 'expansion-box', fpgas + nics, expansionBoxModels, (_, slotIds) =>
    slotIds.map((id) => {
      const details = { endpoint: pool.endpoint(id, 'pcie', pool.pcieTargets) };
      placed += 1;
      if (placed <= fpgas) return labDevice(id, 'fpga', random.pick(fpgaModels), random, details);
      return random.chance(0.3)
        ? labDevice(id, 'dpu', dpuModel, random, details)
        : labDevice(id, 'nic', random.pick(nicModels), random, details);
    }),
  );
}

function addCxlMemory(pool: RackPool, count: number): void {
  const { random } = pool;
  pool.fill('cxl', 'expansion-box', count, cxlBoxModels, (_, slotIds) => {
    const memory = random.pick(cxlMemoryModels);
    return slotIds.map((id) =>
      labDevice(id, 'cxl-memory', memory, random, {
        memoryGiB: random.pick(memory.sizes),
        maxCompositions: sharing(random, 0.3),
        endpoint: pool.endpoint(id, 'cxl', pool.cxlTargets),
      }),
    );
  });
}

/** One drive model and size per JBOF, as operators buy them. */
function addJbofs(pool: RackPool, count: number): void {
  const { random } = pool;
  pool.fill('jbof', 'jbof', count, jbofModels, (enclosureId, slotIds) => {
    const drive = random.pick(pooledDriveModels);
    const capacityTB = random.pick(drive.sizes);
    const targets: string[] = [];
    pool.jbofs.push({ id: enclosureId, targets });
    return slotIds.map((id) =>
      labDevice(id, 'nvme', drive, random, {
        capacityTB,
        maxCompositions: sharing(random, 0.2),
        endpoint: pool.endpoint(id, 'nvme', targets),
      }),
    );
  });
}

function slotIds(enclosureId: string, slots: number): string[] {
  return Array.from(
    { length: slots },
    (_, slot) => `${enclosureId}-s${String(slot + 1).padStart(2, '0')}`,
  );
}
