import type { PresentItem } from '@tessera/inventory-domain';
import type pg from 'pg';

/** Upserts the filterable columns of each device, from its current spec, in one statement. */
export async function upsertDeviceRows(
  client: pg.PoolClient,
  devices: string,
  rows: readonly PresentItem<'device'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const specs = rows.map((row) => row.spec);
  const attribute = (name: keyof (typeof specs)[number]['attributes']) =>
    specs.map((spec) => spec.attributes[name] ?? null);
  await client.query(
    `INSERT INTO ${devices} (id, device_kind, vendor, model, enclosure_id, host_id, memory_gib,
                             capacity_tb, pcie_generation, pcie_lanes, bandwidth_gbps, numa_node,
                             max_compositions, fabric_ids)
     SELECT id, device_kind, vendor, model, enclosure_id, host_id, memory_gib, capacity_tb,
            pcie_generation, pcie_lanes, bandwidth_gbps, numa_node, max_compositions,
            CASE WHEN fabric_ids = '' THEN '{}'::text[] ELSE string_to_array(fabric_ids, $15) END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::float8[], $8::float8[], $9::int[], $10::int[], $11::float8[], $12::int[],
                   $13::int[], $14::text[])
         AS d(id, device_kind, vendor, model, enclosure_id, host_id, memory_gib, capacity_tb,
              pcie_generation, pcie_lanes, bandwidth_gbps, numa_node, max_compositions, fabric_ids)
     ON CONFLICT (id) DO UPDATE SET
       device_kind = EXCLUDED.device_kind, vendor = EXCLUDED.vendor, model = EXCLUDED.model,
       enclosure_id = EXCLUDED.enclosure_id, host_id = EXCLUDED.host_id,
       memory_gib = EXCLUDED.memory_gib, capacity_tb = EXCLUDED.capacity_tb,
       pcie_generation = EXCLUDED.pcie_generation, pcie_lanes = EXCLUDED.pcie_lanes,
       bandwidth_gbps = EXCLUDED.bandwidth_gbps, numa_node = EXCLUDED.numa_node,
       max_compositions = EXCLUDED.max_compositions, fabric_ids = EXCLUDED.fabric_ids`,
    [
      specs.map((spec) => spec.id),
      specs.map((spec) => spec.kind),
      specs.map((spec) => spec.vendor),
      specs.map((spec) => spec.model),
      specs.map((spec) => spec.enclosureId ?? null),
      specs.map((spec) => spec.hostId ?? null),
      attribute('memoryGiB'),
      attribute('capacityTB'),
      attribute('pcieGeneration'),
      attribute('pcieLanes'),
      attribute('bandwidthGbps'),
      attribute('numaNode'),
      specs.map((spec) => spec.maxCompositions),
      specs.map((spec) =>
        [...new Set(spec.attachments.map((a) => a.fabricId))].join(listSeparator),
      ),
      listSeparator,
    ],
  );
}

/** Joins a list into one text value (ids never contain control characters). */
export const listSeparator = '\u001f';
