import type { View } from './format.js';
import type { Column } from './table.js';
import { ageText, cellText, firstValue, timeText, valueAt } from './values.js';

/**
 * How each resource prints as a table: the columns a person scans first. Inventory items are
 * read by several paths (`status.lifecycle` or `lifecycle`) so that the table holds however the
 * inventory answers nest them.
 */
export type ResourceViewName =
  | 'devices'
  | 'hosts'
  | 'enclosures'
  | 'fabrics'
  | 'racks'
  | 'sites'
  | 'compositions'
  | 'templates'
  | 'leases'
  | 'quotas'
  | 'sources'
  | 'tokens'
  | 'audit';

const column = (header: string, ...paths: string[]): Column => ({
  header,
  cell: (row) => cellText(firstValue(row, ...paths)),
});

const age = (now: () => number, ...paths: string[]): Column => ({
  header: 'age',
  cell: (row) => ageText(firstValue(row, ...paths), now()),
});

const time = (header: string, ...paths: string[]): Column => ({
  header,
  cell: (row) => timeText(firstValue(row, ...paths)),
});

const idColumn = column('id', 'id');
const byId = (row: unknown) => cellText(valueAt(row, 'id'));

/** Devices in a composition, counted: `6 (gpus:2, disks:4)`. */
function devicesCell(row: unknown): string {
  const groups = valueAt(row, 'status.devices');
  if (!Array.isArray(groups) || groups.length === 0) return '';
  const counts = groups.map((group) => {
    const ids = valueAt(group, 'deviceIds');
    return { group: cellText(valueAt(group, 'group')), count: Array.isArray(ids) ? ids.length : 0 };
  });
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  return `${total} (${counts.map(({ group, count }) => `${group}:${count}`).join(', ')})`;
}

const phase = column('phase', 'status.phase');
const health = column('health', 'status.health');

/** The columns every hardware item shares after its own. */
const itemColumns = (...own: Column[]): View => ({
  columns: [idColumn, ...own, phase, health],
  nameOf: byId,
});

export function resourceView(name: ResourceViewName, now: () => number): View {
  switch (name) {
    case 'devices':
      return {
        columns: [
          idColumn,
          column('kind', 'spec.kind'),
          column('vendor', 'spec.vendor'),
          column('model', 'spec.model'),
          phase,
          health,
          column('schedulable', 'status.schedulable'),
          column('location', 'spec.enclosureId', 'spec.hostId'),
        ],
        nameOf: byId,
      };
    case 'hosts':
      return itemColumns(
        column('name', 'spec.name'),
        column('cores', 'spec.cpuCores'),
        column('memory gib', 'spec.memoryGib'),
        column('rack', 'spec.rackId'),
      );
    case 'enclosures':
      return itemColumns(
        column('kind', 'spec.kind'),
        column('model', 'spec.model'),
        column('rack', 'spec.rackId'),
      );
    case 'fabrics':
      return itemColumns(column('kind', 'spec.kind'), {
        header: 'switches',
        cell: (row) => {
          const switches = valueAt(row, 'spec.switches');
          return Array.isArray(switches) ? String(switches.length) : '0';
        },
      });
    case 'racks':
      return itemColumns(column('name', 'spec.name'), column('site', 'spec.siteId'));
    case 'sites':
      return itemColumns(column('name', 'spec.name'));
    case 'compositions':
      return {
        columns: [
          idColumn,
          column('name', 'spec.name'),
          column('tenant', 'tenant'),
          column('phase', 'status.phase'),
          column('host', 'status.hostId'),
          { header: 'devices', cell: devicesCell },
          age(now, 'createdAt'),
        ],
        nameOf: byId,
      };
    case 'templates':
      return {
        columns: [
          column('name', 'name'),
          column('version', 'version', 'status.latestVersion'),
          column('phase', 'status.phase'),
          column('description', 'description', 'spec.description'),
        ],
        nameOf: (row) => cellText(valueAt(row, 'name')),
      };
    case 'leases':
      return {
        columns: [
          idColumn,
          column('name', 'spec.name', 'name'),
          column('tenant', 'tenant'),
          column('phase', 'status.phase'),
          column('count', 'spec.count', 'count'),
          time('start', 'spec.start', 'start'),
          time('end', 'spec.end', 'end'),
        ],
        nameOf: byId,
      };
    case 'quotas':
      return {
        columns: [
          column('tenant', 'tenant'),
          column('kind', 'kind'),
          column('max devices', 'maxDevices', 'spec.maxDevices'),
          column('in use', 'inUse', 'status.inUse'),
        ],
        nameOf: (row) => `${cellText(valueAt(row, 'tenant'))}/${cellText(valueAt(row, 'kind'))}`,
      };
    case 'sources':
      return {
        columns: [
          idColumn,
          column('url', 'url'),
          column('every (s)', 'intervalSeconds'),
          column('answering', 'answering'),
          time('last sync', 'lastSyncAt'),
          column('last error', 'lastError'),
        ],
        nameOf: byId,
      };
    case 'tokens':
      return {
        columns: [
          idColumn,
          column('name', 'name'),
          column('grants', 'grants'),
          column('created by', 'createdBy'),
          time('created', 'createdAt'),
          time('expires', 'expiresAt'),
          time('revoked', 'revokedAt'),
        ],
        nameOf: byId,
      };
    case 'audit':
      return {
        columns: [
          time('at', 'at'),
          column('actor', 'actor'),
          column('tenant', 'tenant'),
          column('action', 'action'),
          column('resource', 'resource'),
          column('outcome', 'outcome'),
        ],
        nameOf: (row) => cellText(valueAt(row, 'cursor')),
      };
    default: {
      const unknown: never = name;
      throw new Error(`no view for ${String(unknown)}`);
    }
  }
}
