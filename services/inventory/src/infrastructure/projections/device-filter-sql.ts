import type { DeviceAttributeName, DeviceFilter } from '@tessera/inventory-domain';

/** The `devices` column each attribute is stored in (names are never taken from input). */
const attributeColumns: Record<DeviceAttributeName, string> = {
  memoryGiB: 'd.memory_gib',
  capacityTB: 'd.capacity_tb',
  pcieGeneration: 'd.pcie_generation',
  pcieLanes: 'd.pcie_lanes',
  bandwidthGbps: 'd.bandwidth_gbps',
  numaNode: 'd.numa_node',
};

/**
 * The WHERE conditions of a (validated) device filter over `devices d JOIN items i`, with their
 * parameters numbered from `firstParameter`. Values are always parameters; only whitelisted
 * column names and operators are spliced into the text.
 */
export function deviceFilterSql(
  filter: DeviceFilter,
  schema: string,
  firstParameter: number,
): { conditions: string[]; parameters: unknown[] } {
  const routesTable = `${schema}.routes`;
  const schedulableSql = schedulableSqlFor(schema);
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const parameter = (value: unknown): string => {
    parameters.push(value);
    return `$${firstParameter + parameters.length - 1}`;
  };
  if (filter.kinds) conditions.push(`d.device_kind = ANY(${parameter(filter.kinds)}::text[])`);
  if (filter.health) conditions.push(`i.health = ANY(${parameter(filter.health)}::text[])`);
  if (filter.lifecycle)
    conditions.push(`i.lifecycle = ANY(${parameter(filter.lifecycle)}::text[])`);
  for (const { attribute, operator, value } of filter.attributes ?? []) {
    const sqlOperator = operator === '!=' ? '<>' : operator;
    conditions.push(`${attributeColumns[attribute]} ${sqlOperator} ${parameter(value)}`);
  }
  if (filter.labels && Object.keys(filter.labels).length > 0) {
    conditions.push(`i.labels @> ${parameter(JSON.stringify(filter.labels))}::jsonb`);
  }
  if (filter.fabricId !== undefined)
    conditions.push(`d.fabric_ids @> ARRAY[${parameter(filter.fabricId)}::text]`);
  if (filter.enclosureId !== undefined)
    conditions.push(`d.enclosure_id = ${parameter(filter.enclosureId)}`);
  if (filter.vendor !== undefined) conditions.push(`d.vendor = ${parameter(filter.vendor)}`);
  if (filter.schedulable !== undefined) {
    conditions.push(filter.schedulable ? schedulableSql : `NOT ${schedulableSql}`);
  }
  if (filter.reachableFromHostId !== undefined) {
    conditions.push(
      `EXISTS (SELECT 1 FROM ${routesTable} r WHERE r.host_id = ${parameter(filter.reachableFromHostId)} AND r.device_id = d.id)`,
    );
  }
  return { conditions, parameters };
}

/**
 * Whether device `d` (its item `i`) may be scheduled now; `{schema}` is the views schema. An
 * unanswering source, or a cordoned, retired or missing enclosure or host, takes its devices out.
 */
export function schedulableSqlFor(schema: string): string {
  return `(i.lifecycle = 'available'
    AND NOT EXISTS (SELECT 1 FROM ${schema}.sources s
                     WHERE i.source_kind = 'redfish' AND s.id = i.source_id AND NOT s.answering)
    AND NOT EXISTS (SELECT 1 FROM ${schema}.items c
                     WHERE ((c.kind = 'enclosure' AND c.id = d.enclosure_id) OR (c.kind = 'host' AND c.id = d.host_id))
                       AND (c.cordoned OR c.retired OR c.missing)))`;
}
