import type { DeviceFilter, ItemKind, PresentItem } from '@tessera/inventory-domain';
import { prepared, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type {
  InventoryReadModel,
  ItemView,
  RouteView,
  Slice,
  SliceResult,
  SourceView,
} from '../../application/ports/inventory-read-model.js';
import { deviceFilterSql, schedulableSqlFor } from './device-filter-sql.js';

interface ItemRow {
  kind: ItemKind;
  id: string;
  source_kind: string;
  source_id: string;
  state: PresentItem;
  labels: Record<string, string>;
  health: ItemView['health'] | null;
  lifecycle: ItemView['lifecycle'];
  version: number;
  updated_at: Date;
  schedulable: boolean;
}

interface RouteRow {
  host_id: string;
  device_id: string;
  fabric_id: string;
  hops: number;
  switch_path: string[];
}

const itemColumns =
  'i.kind, i.id, i.source_kind, i.source_id, i.state, i.labels, i.health, i.lifecycle, i.version, i.updated_at';

/** Rows of `items i` joined (left) with `devices d`, with whether each is schedulable. */
function itemSelect(schema: string): string {
  return `SELECT ${itemColumns}, ${schedulableSqlFor(schema)} AS schedulable
            FROM ${schema}.items i LEFT JOIN ${schema}.devices d ON i.kind = 'device' AND d.id = i.id`;
}

/** The read models in Postgres (see view-migrations.ts), mapped to views; rows never leak. */
export class PostgresReadModel implements InventoryReadModel {
  private readonly items: string;
  private readonly devices: string;
  private readonly routes: string;
  private readonly schema: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    const quoted = quoteIdentifier(schema);
    this.schema = quoted;
    this.items = `${quoted}.items`;
    this.devices = `${quoted}.devices`;
    this.routes = `${quoted}.routes`;
  }

  async getItem<K extends ItemKind>(kind: K, id: string): Promise<ItemView<K> | undefined> {
    const { rows } = await this.pool.query<ItemRow>(
      prepared(`${itemSelect(this.schema)} WHERE i.kind = $1 AND i.id = $2`, [kind, id]),
    );
    return rows[0] && (toView(rows[0]) as ItemView<K>);
  }

  async itemExists(kind: ItemKind, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      prepared(`SELECT 1 FROM ${this.items} WHERE kind = $1 AND id = $2`, [kind, id]),
    );
    return rowCount === 1;
  }

  async listItems(kind: ItemKind, slice: Slice): Promise<SliceResult<ItemView>> {
    const after = slice.afterId === undefined ? '' : 'AND i.id > $3';
    const { rows } = await this.pool.query<ItemRow>(
      `${itemSelect(this.schema)} WHERE i.kind = $1 ${after} ORDER BY i.id LIMIT $2`,
      [kind, slice.limit + 1, ...(slice.afterId === undefined ? [] : [slice.afterId])],
    );
    return sliceResult(rows, slice.limit);
  }

  async listDevices(filter: DeviceFilter, slice: Slice): Promise<SliceResult<ItemView<'device'>>> {
    const cursor = slice.afterId === undefined ? [] : [slice.afterId];
    const { conditions, parameters } = deviceFilterSql(filter, this.schema, 2 + cursor.length);
    const where = [...(cursor.length > 0 ? ['d.id > $2'] : []), ...conditions];
    const { rows } = await this.pool.query<ItemRow>(
      `SELECT ${itemColumns}, ${schedulableSqlFor(this.schema)} AS schedulable FROM ${this.devices} d
         JOIN ${this.items} i ON i.kind = 'device' AND i.id = d.id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.id LIMIT $1`,
      [slice.limit + 1, ...cursor, ...parameters],
    );
    return sliceResult(rows, slice.limit) as SliceResult<ItemView<'device'>>;
  }

  async devicesReachableFrom(hostId: string): Promise<readonly RouteView[]> {
    const { rows } = await this.pool.query<RouteRow>(
      prepared(
        `SELECT r.host_id, r.device_id, r.fabric_id, r.hops, r.switch_path FROM ${this.routes} r
          WHERE r.host_id = $1
            AND EXISTS (SELECT 1 FROM ${this.items} i WHERE i.kind = 'device' AND i.id = r.device_id)
          ORDER BY r.hops, r.device_id, r.fabric_id`,
        [hostId],
      ),
    );
    return rows.map(toRoute);
  }

  async hostsReaching(deviceId: string): Promise<readonly RouteView[]> {
    const { rows } = await this.pool.query<RouteRow>(
      prepared(
        `SELECT r.host_id, r.device_id, r.fabric_id, r.hops, r.switch_path FROM ${this.routes} r
          WHERE r.device_id = $1
            AND EXISTS (SELECT 1 FROM ${this.items} i WHERE i.kind = 'host' AND i.id = r.host_id)
          ORDER BY r.hops, r.host_id, r.fabric_id`,
        [deviceId],
      ),
    );
    return rows.map(toRoute);
  }

  async listSources(): Promise<readonly SourceView[]> {
    const { rows } = await this.pool.query<SourceRow>(
      `SELECT s.id, s.url, s.interval_seconds, s.answering, s.last_error, s.last_sync_at,
              EXISTS (SELECT 1 FROM ${this.schema}.source_credentials c WHERE c.source_id = s.id)
                AS has_credentials
         FROM ${this.schema}.sources s
        WHERE NOT s.removed
        ORDER BY s.id`,
    );
    return rows.map((row) => ({
      id: row.id,
      url: row.url,
      intervalSeconds: row.interval_seconds,
      answering: row.answering,
      lastError: row.last_error ?? undefined,
      lastSyncAt: row.last_sync_at?.toISOString(),
      hasCredentials: row.has_credentials,
    }));
  }
}

interface SourceRow {
  id: string;
  url: string;
  interval_seconds: number;
  answering: boolean;
  last_error: string | null;
  last_sync_at: Date | null;
  has_credentials: boolean;
}

function sliceResult(rows: readonly ItemRow[], limit: number): SliceResult<ItemView> {
  return { items: rows.slice(0, limit).map(toView), more: rows.length > limit };
}

function toView(row: ItemRow): ItemView {
  return {
    kind: row.kind,
    id: row.id,
    spec: row.state.spec,
    source: { kind: row.source_kind, id: row.source_id },
    labels: row.labels,
    health: row.health ?? undefined,
    lifecycle: row.lifecycle,
    schedulable: row.schedulable,
    cordonReason: row.state.cordon?.reason,
    retiredReason: row.state.retirement?.reason,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toRoute(row: RouteRow): RouteView {
  return {
    hostId: row.host_id,
    deviceId: row.device_id,
    fabricId: row.fabric_id,
    hops: row.hops,
    switchPath: row.switch_path,
  };
}
