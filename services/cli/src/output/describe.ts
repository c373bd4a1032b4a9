import { stringify } from 'yaml';
import { renderFields, renderTable } from './table.js';
import { cellText, isJsonObject, timeText, valueAt } from './values.js';

/**
 * `tessera describe`: a resource as a person reads it, one fact a line, lists as small tables.
 * Compositions and leases have their own views (phase, conditions, where things are); every
 * other resource shows its scalar fields first and its nested ones as indented YAML.
 */
export function describeResource(resource: string, item: unknown): string {
  switch (resource) {
    case 'compositions':
      return describeComposition(item);
    case 'leases':
      return describeLease(item);
    case 'devices':
    case 'hosts':
    case 'enclosures':
    case 'fabrics':
    case 'racks':
    case 'sites':
      return describeItem(item);
    default:
      return describeGeneric(item);
  }
}

export function describeComposition(item: unknown): string {
  const fields: [string, string][] = [
    ['Name', text(item, 'spec.name')],
    ['ID', text(item, 'id')],
    ['Tenant', text(item, 'tenant')],
    ['Phase', text(item, 'status.phase')],
    ['Reason', text(item, 'status.reason')],
    ['Host', text(item, 'status.hostId') || '<none>'],
    ['Reservation', text(item, 'status.reservationId')],
    ['Version', text(item, 'version')],
    ['Created', timeText(valueAt(item, 'createdAt'))],
    ['Updated', timeText(valueAt(item, 'updatedAt'))],
  ];
  const sections = [
    renderFields(fields.filter(([key, value]) => value !== '' || key === 'Reason')),
    section('Conditions', conditionsTable(valueAt(item, 'status.conditions'))),
    section('Devices', devicesTable(valueAt(item, 'status.devices'), 'group')),
    section('Spec', indentedYaml(valueAt(item, 'spec'))),
  ];
  return sections.join('');
}

export function describeLease(item: unknown): string {
  const held = valueAt(item, 'status.held');
  const compositions = valueAt(item, 'status.compositionIds');
  const fields: [string, string][] = [
    ['Name', text(item, 'spec.name')],
    ['ID', text(item, 'id')],
    ['Tenant', text(item, 'tenant')],
    ['Phase', text(item, 'status.phase')],
    ['Reason', text(item, 'status.reason')],
    ['Count', text(item, 'spec.count')],
    ['Start', timeText(valueAt(item, 'spec.start'))],
    ['End', timeText(valueAt(item, 'spec.end'))],
    ['Compositions', Array.isArray(compositions) ? compositions.map(cellText).join(', ') : ''],
  ];
  return [
    renderFields(fields.filter(([, value]) => value !== '')),
    section('Conditions', conditionsTable(valueAt(item, 'status.conditions'))),
    section(
      'Held',
      Array.isArray(held) && held.length > 0
        ? renderTable(
            [
              { header: '#', cell: (row: { index: number }) => String(row.index) },
              { header: 'host', cell: (row) => text(row.placement, 'hostId') },
              { header: 'devices', cell: (row) => groupsText(valueAt(row.placement, 'groups')) },
            ],
            held.map((placement: unknown, index) => ({ index, placement })),
          )
        : '',
    ),
  ].join('');
}

/** A hardware item: where it stands first, then its conditions, labels and spec. */
export function describeItem(item: unknown): string {
  const kind = text(item, 'kind');
  const specKind = text(item, 'spec.kind');
  const source = valueAt(item, 'source');
  const fields: [string, string][] = [
    ['ID', text(item, 'id')],
    ['Kind', specKind === '' ? kind : `${kind} (${specKind})`],
    ['Name', text(item, 'spec.name')],
    ['Vendor', text(item, 'spec.vendor')],
    ['Model', text(item, 'spec.model')],
    ['Phase', text(item, 'status.phase')],
    ['Health', text(item, 'status.health') || '<unknown>'],
    ['Schedulable', kind === 'device' ? text(item, 'status.schedulable') : ''],
    ['Cordoned', text(item, 'status.cordonReason')],
    ['Retired', text(item, 'status.retiredReason')],
    ['Source', isJsonObject(source) ? `${text(source, 'kind')}:${text(source, 'id')}` : ''],
    ['Version', text(item, 'version')],
    ['Updated', timeText(valueAt(item, 'updatedAt'))],
  ];
  const labels = valueAt(item, 'labels');
  return [
    renderFields(fields.filter(([, value]) => value !== '')),
    section(
      'Labels',
      isJsonObject(labels)
        ? Object.entries(labels)
            .map(([key, value]) => `${key}=${cellText(value)}\n`)
            .join('')
        : '',
    ),
    ...(kind === 'device'
      ? [section('Conditions', conditionsTable(valueAt(item, 'status.conditions')))]
      : []),
    section('Spec', indentedYaml(valueAt(item, 'spec'))),
  ].join('');
}

export function describeGeneric(item: unknown): string {
  if (!isJsonObject(item)) return `${cellText(item)}\n`;
  const scalars: [string, string][] = [];
  const nested: [string, unknown][] = [];
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') nested.push([key, value]);
    else scalars.push([titleOf(key), cellText(value)]);
  }
  return [
    renderFields(scalars),
    ...nested.map(([key, value]) => section(titleOf(key), indentedYaml(value))),
  ].join('');
}

function conditionsTable(conditions: unknown): string {
  if (!Array.isArray(conditions) || conditions.length === 0) return '';
  return renderTable(
    [
      { header: 'type', cell: (row) => text(row, 'type') },
      { header: 'status', cell: (row) => text(row, 'status') },
      { header: 'reason', cell: (row) => text(row, 'reason') },
      { header: 'message', cell: (row) => text(row, 'message') },
    ],
    conditions,
  );
}

function devicesTable(groups: unknown, groupKey: string): string {
  if (!Array.isArray(groups) || groups.length === 0) return '';
  return renderTable(
    [
      { header: 'group', cell: (row) => text(row, groupKey) },
      {
        header: 'count',
        cell: (row) => {
          const ids = valueAt(row, 'deviceIds');
          return Array.isArray(ids) ? String(ids.length) : '';
        },
      },
      { header: 'devices', cell: (row) => text(row, 'deviceIds').replaceAll(',', ', ') },
    ],
    groups,
  );
}

/** `gpus: gpu-1, gpu-2; disks: nvme-1` */
export function groupsText(groups: unknown): string {
  if (!Array.isArray(groups)) return '';
  return groups
    .map((group) => `${text(group, 'group')}: ${text(group, 'deviceIds').replaceAll(',', ', ')}`)
    .join('; ');
}

/** A titled block whose body is indented two spaces; nothing when the body is empty. */
export function section(title: string, body: string): string {
  if (body.trim() === '') return `${title}:  <none>\n`;
  const indented = body
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
  return `${title}:\n${indented}\n`;
}

function indentedYaml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isJsonObject(value) && Object.keys(value).length === 0) return '';
  return stringify(value, { lineWidth: 0 });
}

function text(item: unknown, path: string): string {
  return cellText(valueAt(item, path));
}

/** `createdAt` → `Created At`. */
function titleOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
