import { scheduler } from '@tessera/composer-domain';
import type { CompositionSpec } from '@tessera/composer-domain';

/**
 * The scarce pool both contending processes believe in: 4 hosts that each reach `gpus`
 * exclusive GPUs and `gpus / 4` NVMe targets that 2 compositions may share. Every index starts
 * out believing everything is free, so the processes keep choosing the same devices and only
 * the ledger keeps them apart.
 */
export function contentionPool(gpus: number): scheduler.CandidateIndex {
  const index = new scheduler.CandidateIndex();
  const hostIds = ['h1', 'h2', 'h3', 'h4'];
  const gpuIds = Array.from({ length: gpus }, (_, at) => `gpu-${String(at).padStart(3, '0')}`);
  const nvmeIds = Array.from({ length: Math.max(1, gpus / 4) }, (_, at) => `nvme-${at}`);
  for (const hostId of hostIds) {
    index.upsertHost({
      id: hostId,
      cores: 64,
      memoryGiB: 512,
      labels: {},
      health: 'ok',
      lifecycle: 'available',
      schedulable: true,
    });
  }
  for (const id of gpuIds) index.upsertDevice(device(id, 'gpu', 1));
  for (const id of nvmeIds) index.upsertDevice(device(id, 'nvme', 2));
  for (const hostId of hostIds) {
    index.setRoutes(
      hostId,
      [...gpuIds, ...nvmeIds].map((deviceId) => ({ deviceId, hops: 1, switchPath: ['sw1'] })),
    );
  }
  return index;
}

/** One exclusive GPU and one shared NVMe target on any host. */
export const contendedSpec: CompositionSpec = {
  name: 'contended',
  tenant: 'bench',
  host: { selector: {} },
  groups: [
    { name: 'gpu', kind: 'gpu', count: 1 },
    { name: 'scratch', kind: 'nvme', count: 1, constraints: { allowShared: true } },
  ],
};

function device(
  id: string,
  kind: scheduler.DeviceKind,
  maxCompositions: number,
): scheduler.DeviceRecord {
  return {
    id,
    kind,
    vendor: 'bench',
    model: kind === 'gpu' ? 'H100' : 'PM1743',
    attributes: {},
    labels: {},
    health: 'ok',
    lifecycle: 'available',
    schedulable: true,
    maxCompositions,
  };
}
