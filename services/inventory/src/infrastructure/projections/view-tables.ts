import { quoteIdentifier } from '@tessera/postgres';

/** The read-model tables of one views schema, quoted. */
export interface ViewTables {
  readonly schema: string;
  readonly items: string;
  readonly devices: string;
  /** A view over `reachGroups` and `groupRoutes`: one row per (host, device, fabric). */
  readonly routes: string;
  readonly reachGroups: string;
  readonly groupRoutes: string;
  readonly sources: string;
}

export function viewTables(schema: string): ViewTables {
  const quoted = quoteIdentifier(schema);
  return {
    schema: quoted,
    items: `${quoted}.items`,
    devices: `${quoted}.devices`,
    routes: `${quoted}.routes`,
    reachGroups: `${quoted}.reach_groups`,
    groupRoutes: `${quoted}.group_routes`,
    sources: `${quoted}.sources`,
  };
}
