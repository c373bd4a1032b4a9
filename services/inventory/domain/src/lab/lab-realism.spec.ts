import { describe, expect, it } from 'vitest';
import {
  computeReachability,
  type DeviceKind,
  type DeviceSpec,
  type InventorySnapshot,
} from '@tessera/hardware';
import { parseManifest } from '../manifest/index.js';
import { generateLab } from './generate-lab.js';

function snapshotOf(hosts: number): InventorySnapshot {
  const result = parseManifest(generateLab({ seed: 21, hosts }));
  if (!result.ok) throw new Error('the lab does not parse');
  return result.snapshot;
}

const lab = snapshotOf(2_000);
const pooled = (kind: DeviceKind): DeviceSpec[] =>
  lab.devices.filter((device) => device.kind === kind && device.enclosureId !== undefined);

describe('a generated lab', () => {
  it('spreads hosts over several sites in racks of 16 to 40', () => {
    expect(lab.sites.length).toBeGreaterThanOrEqual(2);
    const perRack = new Map<string, number>();
    for (const host of lab.hosts)
      perRack.set(host.rackId ?? '', (perRack.get(host.rackId ?? '') ?? 0) + 1);
    for (const count of perRack.values()) {
      expect(count).toBeGreaterThanOrEqual(16);
      expect(count).toBeLessThanOrEqual(40);
    }
  });

  it('pools GPUs, NVMe drives, CXL memory, FPGAs, NICs and DPUs with plausible figures', () => {
    for (const gpu of pooled('gpu')) {
      expect([48, 80, 141, 192]).toContain(gpu.attributes.memoryGiB);
      expect(gpu.attributes.pcieLanes).toBe(16);
    }
    for (const drive of pooled('nvme')) {
      expect(drive.attributes.capacityTB).toBeGreaterThanOrEqual(3.84);
      expect(drive.attributes.capacityTB).toBeLessThanOrEqual(30.72);
    }
    for (const memory of pooled('cxl-memory')) {
      expect([128, 256, 512]).toContain(memory.attributes.memoryGiB);
    }
    for (const kind of ['fpga', 'nic', 'dpu'] as const)
      expect(pooled(kind).length).toBeGreaterThan(0);
    expect(lab.devices.filter((device) => device.hostId !== undefined).length).toBe(2 * 2_000);
  });

  it('shares some drives and memory 2 to 4 ways and marks a few devices with a warning', () => {
    const shared = lab.devices.filter((device) => device.maxCompositions > 1);
    expect(shared.length).toBeGreaterThan(lab.devices.length * 0.03);
    for (const device of shared) {
      expect(['nvme', 'cxl-memory']).toContain(device.kind);
      expect(device.maxCompositions).toBeLessThanOrEqual(4);
    }
    const warnings = lab.devices.filter((device) => device.health === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(lab.devices.length * 0.05);
  });

  it('lets every host reach pooled devices, but only a bounded number of them', () => {
    const reachability = computeReachability(lab);
    const reached = lab.hosts.map(
      (host) => new Set(reachability.devicesReachableFrom(host.id).map((route) => route.deviceId)),
    );
    const counts = reached.map((devices) => devices.size);
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(400);
    const drives = new Set(pooled('nvme').map((drive) => drive.id));
    for (const devices of reached) expect([...devices].some((id) => drives.has(id))).toBe(true);
  });
});
