import type { Slice, SliceResult } from '@tessera/api-kit';
import type {
  DeviceFilter,
  Health,
  ItemKind,
  ItemSpecs,
  Labels,
  Lifecycle,
} from '@tessera/inventory-domain';

/** An item as the API shows it: its spec and the state the inventory keeps about it. */
export interface ItemView<K extends ItemKind = ItemKind> {
  readonly kind: K;
  readonly id: string;
  readonly spec: ItemSpecs[K];
  readonly source: { readonly kind: string; readonly id: string };
  readonly labels: Labels;
  readonly health: Health | undefined;
  readonly lifecycle: Lifecycle;
  /** Devices: whether the scheduler may choose it now (see `DeviceFilter.schedulable`). */
  readonly schedulable: boolean;
  readonly cordonReason: string | undefined;
  readonly retiredReason: string | undefined;
  readonly version: number;
  readonly updatedAt: string;
}

export interface RouteView {
  readonly hostId: string;
  readonly deviceId: string;
  readonly fabricId: string;
  readonly hops: number;
  readonly switchPath: readonly string[];
}

/** A page of a list ordered by id, and what a read model answers (shared by every service). */
export type { Slice, SliceResult };

/** The inventory's read models, as the queries need them. */
/** A registered discovery source as its last sync left it; never its credentials. */
export interface SourceView {
  readonly id: string;
  readonly url: string;
  readonly intervalSeconds: number;
  readonly answering: boolean;
  readonly lastError: string | undefined;
  readonly lastSyncAt: string | undefined;
  readonly hasCredentials: boolean;
}

export interface InventoryReadModel {
  getItem<K extends ItemKind>(kind: K, id: string): Promise<ItemView<K> | undefined>;
  itemExists(kind: ItemKind, id: string): Promise<boolean>;
  listItems(kind: ItemKind, slice: Slice): Promise<SliceResult<ItemView>>;
  listDevices(filter: DeviceFilter, slice: Slice): Promise<SliceResult<ItemView<'device'>>>;
  /** Known devices the host reaches, nearest first (fewest hops, then device id). */
  devicesReachableFrom(hostId: string): Promise<readonly RouteView[]>;
  /** Known hosts that reach the device, nearest first. */
  hostsReaching(deviceId: string): Promise<readonly RouteView[]>;
  /** The registered (not removed) discovery sources, ordered by id. */
  listSources(): Promise<readonly SourceView[]>;
}

export const inventoryReadModelToken = Symbol('InventoryReadModel');
