import { createHash } from 'node:crypto';
import {
  localFabric,
  type PresentItem,
  type Route,
  routesOfFabric,
} from '@tessera/inventory-domain';
import type pg from 'pg';
import { listSeparator } from './device-row.js';
import type { ViewTables } from './view-tables.js';

/** Rows per INSERT: big enough to be quick, small enough to keep each statement's memory bounded. */
const chunkSize = 5_000;

/**
 * Keeps a fabric's routes equal to its current spec: all of them are replaced on every change,
 * and removed while the fabric is missing or retired (nothing can be reached through it). Hosts
 * with identical route sets share one group (see the `routes` view).
 */
export async function writeFabricRoutes(
  client: pg.PoolClient,
  tables: ViewTables,
  fabric: PresentItem<'fabric'>,
): Promise<void> {
  await deleteRoutes(client, tables, 'fabric_id = $1', [fabric.spec.id]);
  if (fabric.missing || fabric.retirement) {
    return;
  }
  await insertGroupedRoutes(client, tables, fabric.spec.id, routesOfFabric(fabric.spec));
}

/** A device's own host reaches it with no fabric in between: one group per host. */
export async function writeLocalRoutes(
  client: pg.PoolClient,
  tables: ViewTables,
  devices: readonly PresentItem<'device'>[],
): Promise<void> {
  if (devices.length === 0) return;
  await client.query(
    `DELETE FROM ${tables.groupRoutes} WHERE fabric_id = $2 AND device_id = ANY($1::text[])`,
    [devices.map((device) => device.spec.id), localFabric],
  );
  const hosts = [
    ...new Set(devices.flatMap(({ spec }) => (spec.hostId === undefined ? [] : [spec.hostId]))),
  ];
  await insertRows(
    client,
    `${tables.reachGroups} (fabric_id, group_key, host_id)`,
    ['text', 'text', 'text'],
    [hosts.map(() => localFabric), hosts, hosts],
    'ON CONFLICT DO NOTHING',
  );
  const local = devices.flatMap(({ spec }) =>
    spec.hostId === undefined ? [] : [{ group: spec.hostId, deviceId: spec.id }],
  );
  await insertRows(
    client,
    `${tables.groupRoutes} (fabric_id, group_key, device_id, hops, switch_path)`,
    ['text', 'text', 'text', 'int', 'text[]'],
    [
      local.map(() => localFabric),
      local.map((route) => route.group),
      local.map((route) => route.deviceId),
      local.map(() => 0),
      local.map(() => '{}'),
    ],
  );
}

async function deleteRoutes(
  client: pg.PoolClient,
  tables: ViewTables,
  where: string,
  parameters: unknown[],
): Promise<void> {
  await client.query(`DELETE FROM ${tables.reachGroups} WHERE ${where}`, parameters);
  await client.query(`DELETE FROM ${tables.groupRoutes} WHERE ${where}`, parameters);
}

/** Groups hosts by their route sets and writes each set once. */
async function insertGroupedRoutes(
  client: pg.PoolClient,
  tables: ViewTables,
  fabricId: string,
  routes: readonly Route[],
): Promise<void> {
  const byHost = new Map<string, Route[]>();
  for (const route of routes) {
    const list = byHost.get(route.hostId) ?? [];
    list.push(route);
    byHost.set(route.hostId, list);
  }
  const members: { group: string; hostId: string }[] = [];
  const groups = new Map<string, readonly Route[]>();
  for (const [hostId, hostRoutes] of byHost) {
    const group = groupKeyOf(hostRoutes);
    members.push({ group, hostId });
    if (!groups.has(group)) groups.set(group, hostRoutes);
  }
  await insertRows(
    client,
    `${tables.reachGroups} (fabric_id, group_key, host_id)`,
    ['text', 'text', 'text'],
    [
      members.map(() => fabricId),
      members.map((member) => member.group),
      members.map((member) => member.hostId),
    ],
  );
  const rows = [...groups].flatMap(([group, groupRoutes]) =>
    groupRoutes.map((route) => ({ group, route })),
  );
  await insertRows(
    client,
    `${tables.groupRoutes} (fabric_id, group_key, device_id, hops, switch_path)`,
    ['text', 'text', 'text', 'int', 'text[]'],
    [
      rows.map(() => fabricId),
      rows.map((row) => row.group),
      rows.map((row) => row.route.deviceId),
      rows.map((row) => row.route.hops),
      rows.map((row) => `{${row.route.switchPath.map(arrayElement).join(',')}}`),
    ],
  );
}

/** The same route set (devices, hops and paths) always gives the same key. */
function groupKeyOf(routes: readonly Route[]): string {
  const hash = createHash('sha256');
  for (const route of routes) {
    hash
      .update(route.deviceId)
      .update(listSeparator)
      .update(String(route.hops))
      .update(listSeparator);
    hash.update(route.switchPath.join(listSeparator)).update('\n');
  }
  return hash.digest('base64url').slice(0, 22);
}

/** A Postgres array literal element, quoted. */
function arrayElement(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** INSERT … SELECT FROM unnest(…) in chunks; each column is one array parameter. */
async function insertRows(
  client: pg.PoolClient,
  target: string,
  types: readonly string[],
  columns: readonly (readonly unknown[])[],
  suffix = '',
): Promise<void> {
  const count = columns[0]?.length ?? 0;
  const casts = types.map((type, index) => `$${index + 1}::${type === 'text[]' ? 'text' : type}[]`);
  const select = types.map((type, index) =>
    type === 'text[]' ? `c${index}::text[]` : `c${index}`,
  );
  for (let start = 0; start < count; start += chunkSize) {
    await client.query(
      `INSERT INTO ${target}
       SELECT ${select.join(', ')} FROM unnest(${casts.join(', ')}) AS u(${types.map((_, index) => `c${index}`).join(', ')})
       ${suffix}`,
      columns.map((column) => column.slice(start, start + chunkSize)),
    );
  }
}
