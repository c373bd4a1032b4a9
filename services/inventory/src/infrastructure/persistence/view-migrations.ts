import type { Migration } from '@tessera/postgres';

/**
 * The inventory's read models. Every table is a projection of the event log: it can be dropped
 * and rebuilt (see the projections), so a change here is a new migration plus a rebuild.
 */
export const viewMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'items, devices, routes and sources',
    sql: `
      CREATE TABLE items (
        kind text NOT NULL,
        id text NOT NULL,
        source_kind text NOT NULL,
        source_id text NOT NULL,
        state jsonb NOT NULL,
        labels jsonb NOT NULL,
        health text,
        lifecycle text NOT NULL,
        cordoned boolean NOT NULL,
        missing boolean NOT NULL,
        retired boolean NOT NULL,
        version integer NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE INDEX items_by_source ON items (source_kind, source_id, kind);
      CREATE INDEX items_by_lifecycle ON items (kind, lifecycle);
      CREATE INDEX items_by_labels ON items USING gin (labels jsonb_path_ops);

      -- One row per device with the columns filters compare; kept with its items row.
      CREATE TABLE devices (
        id text PRIMARY KEY,
        device_kind text NOT NULL,
        vendor text NOT NULL,
        model text NOT NULL,
        enclosure_id text,
        host_id text,
        memory_gib double precision,
        capacity_tb double precision,
        pcie_generation integer,
        pcie_lanes integer,
        bandwidth_gbps double precision,
        numa_node integer,
        max_compositions integer NOT NULL,
        fabric_ids text[] NOT NULL
      );
      CREATE INDEX devices_by_kind ON devices (device_kind, id);
      CREATE INDEX devices_by_enclosure ON devices (enclosure_id);
      CREATE INDEX devices_by_host ON devices (host_id);
      CREATE INDEX devices_by_fabric ON devices USING gin (fabric_ids);
      CREATE INDEX items_by_health ON items (kind, health) WHERE health <> 'ok';

      -- Which host reaches which device, through which fabric ('local' for a host's own device).
      -- Hosts cabled alike reach the same devices the same way, so routes are kept once per
      -- group of such hosts (a fabric's hosts sharing one route set) and joined back in a view:
      -- a rack's worth of hosts costs one set of rows, not one per host.
      CREATE TABLE reach_groups (
        fabric_id text NOT NULL,
        group_key text NOT NULL,
        host_id text NOT NULL,
        PRIMARY KEY (host_id, fabric_id)
      );
      CREATE INDEX reach_groups_by_group ON reach_groups (fabric_id, group_key);
      CREATE TABLE group_routes (
        fabric_id text NOT NULL,
        group_key text NOT NULL,
        device_id text NOT NULL,
        hops integer NOT NULL,
        switch_path text[] NOT NULL,
        PRIMARY KEY (fabric_id, group_key, device_id)
      );
      CREATE INDEX group_routes_by_device ON group_routes (device_id);
      CREATE VIEW routes AS
        SELECT g.host_id, r.device_id, r.fabric_id, r.hops, r.switch_path
          FROM reach_groups g
          JOIN group_routes r ON r.fabric_id = g.fabric_id AND r.group_key = g.group_key;

      CREATE TABLE sources (
        id text PRIMARY KEY,
        url text NOT NULL,
        interval_seconds integer NOT NULL,
        answering boolean NOT NULL,
        last_error text,
        last_sync_at timestamptz,
        last_counts jsonb,
        removed boolean NOT NULL DEFAULT false
      );

      -- Not a projection: written by the register/remove commands, never rebuilt.
      CREATE TABLE source_credentials (
        source_id text PRIMARY KEY,
        username text NOT NULL,
        password text NOT NULL
      );
    `,
  },
];
