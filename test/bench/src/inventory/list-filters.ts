import type { DeviceFilter } from '@tessera/inventory-domain';

/**
 * The filters an admin console or a scheduler preview sends, drawn at random: by kind, attribute
 * thresholds, labels, health, lifecycle, fabric and reachability from a host.
 */
export function listFilterTemplates(
  pick: <T>(items: readonly T[]) => T,
  hostIds: readonly string[],
  fabricIds: readonly string[],
): { readonly name: string; readonly filter: () => DeviceFilter }[] {
  return [
    {
      name: 'gpu with memoryGiB>=80',
      filter: () => ({
        kinds: ['gpu'],
        attributes: [{ attribute: 'memoryGiB', operator: '>=', value: 80 }],
      }),
    },
    {
      name: 'healthy nvme with capacityTB>7',
      filter: () => ({
        kinds: ['nvme'],
        attributes: [{ attribute: 'capacityTB', operator: '>', value: 7 }],
        health: ['ok'],
      }),
    },
    {
      name: 'schedulable cxl-memory',
      filter: () => ({ kinds: ['cxl-memory'], lifecycle: ['available'], schedulable: true }),
    },
    {
      name: 'one kind',
      filter: () => ({
        kinds: [pick(['gpu', 'nvme', 'nic', 'dpu', 'fpga', 'cxl-memory'] as const)],
      }),
    },
    { name: 'health warning or critical', filter: () => ({ health: ['warning', 'critical'] }) },
    { name: 'on a fabric', filter: () => ({ fabricId: pick(fabricIds) }) },
    {
      name: 'gpu or nvme reachable from a host',
      filter: () => ({ reachableFromHostId: pick(hostIds), kinds: ['gpu', 'nvme'] }),
    },
    {
      name: 'schedulable PCIe 5 gpu',
      filter: () => ({
        kinds: ['gpu'],
        attributes: [{ attribute: 'pcieGeneration', operator: '>=', value: 5 }],
        schedulable: true,
      }),
    },
  ];
}
