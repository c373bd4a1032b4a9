import { scheduler } from '@tessera/composer-domain';
import {
  absentItem,
  type ItemEvent,
  type ItemKind,
  type ItemState,
  type PresentItem,
} from '@tessera/hardware';
import { evolvePoolItems } from './evolve-pool-items.js';
import { GroupMembership } from './group-membership.js';
import type { PoolItem } from './pool-item.js';
import { deviceRecordOf, hostRecordOf, type PoolItemLookup } from './pool-records.js';
import { PoolRoutes } from './pool-routes.js';

/** What one application changed in the index. */
export interface PoolUpdate {
  readonly devices: ReadonlySet<string>;
  readonly hosts: ReadonlySet<string>;
  /** Hosts whose routes were recomputed. */
  readonly reroutedHosts: ReadonlySet<string>;
}

interface PendingUpdate {
  readonly devices: Set<string>;
  readonly hosts: Set<string>;
  readonly reroutedHosts: Set<string>;
}

/**
 * Keeps a scheduler `CandidateIndex` in step with the inventory's items, incrementally: each
 * batch of item events (or of item states) updates only the devices and hosts it concerns, and a
 * fabric's change recomputes the routes of the hosts that fabric reaches, never the whole pool.
 * A retired device or host leaves the index; a cordoned, failed, missing or merely discovered
 * one stays with its lifecycle, which the scheduler's condition filter refuses, and comes back
 * as soon as its facts say so. A retired fabric provides no routes. Allocation counts are not
 * touched (they come from the ledger). The result depends only on the items' final states, not
 * on the batches they arrived in.
 */
export class PoolIndex implements PoolItemLookup {
  private readonly items = new Map<ItemKind, Map<string, PresentItem>>();
  private readonly routes = new PoolRoutes();
  private readonly devicesByEnclosure = new GroupMembership();
  private readonly hostsByEnclosure = new GroupMembership();

  constructor(readonly index: scheduler.CandidateIndex = new scheduler.CandidateIndex()) {}

  /** The ids of the items of a kind the pool holds now. */
  ids(kind: ItemKind): string[] {
    return [...(this.items.get(kind)?.keys() ?? [])];
  }

  present<K extends ItemKind>(kind: K, id: string | undefined): PresentItem<K> | undefined {
    if (id === undefined) return undefined;
    return this.items.get(kind)?.get(id) as PresentItem<K> | undefined;
  }

  state({ kind, id }: Pick<PoolItem, 'kind' | 'id'>): ItemState {
    return this.present(kind, id) ?? absentItem;
  }

  /** Applies inventory item events in order (other events are ignored). */
  applyEvents(events: readonly ItemEvent[]): PoolUpdate {
    return this.applyItems(evolvePoolItems((item) => this.state(item), events));
  }

  /** Replaces the states of the given items and updates the index accordingly. */
  applyItems(items: readonly PoolItem[]): PoolUpdate {
    const update: PendingUpdate = {
      devices: new Set(),
      hosts: new Set(),
      reroutedHosts: new Set(),
    };
    let everyPlacement = false;
    for (const item of items) {
      const before = this.present(item.kind, item.id);
      const after = item.state.status === 'present' ? item.state : undefined;
      this.store(item.kind, item.id, after);
      switch (item.kind) {
        case 'device':
          this.deviceChanged(
            item.id,
            before as PresentItem<'device'> | undefined,
            after as PresentItem<'device'> | undefined,
            update,
          );
          break;
        case 'host':
          this.hostChanged(
            item.id,
            before as PresentItem<'host'> | undefined,
            after as PresentItem<'host'> | undefined,
            update,
          );
          break;
        case 'enclosure':
          for (const id of this.devicesByEnclosure.of(item.id)) update.devices.add(id);
          for (const id of this.hostsByEnclosure.of(item.id)) update.hosts.add(id);
          break;
        case 'rack':
          everyPlacement = true;
          break;
        case 'fabric': {
          const spec = inService(after) ? (after as PresentItem<'fabric'>).spec : undefined;
          addAll(update.reroutedHosts, this.routes.setFabric(item.id, spec));
          break;
        }
        case 'site':
          break;
      }
    }
    if (everyPlacement) {
      addAll(update.devices, this.items.get('device')?.keys() ?? []);
      addAll(update.hosts, this.items.get('host')?.keys() ?? []);
    }
    this.flush(update);
    return update;
  }

  private deviceChanged(
    id: string,
    before: PresentItem<'device'> | undefined,
    after: PresentItem<'device'> | undefined,
    update: PendingUpdate,
  ): void {
    update.devices.add(id);
    this.devicesByEnclosure.move(id, before?.spec.enclosureId, after?.spec.enclosureId);
    const localHost = inService(after) ? after.spec.hostId : undefined;
    addAll(update.reroutedHosts, this.routes.setLocalHost(id, localHost));
  }

  private hostChanged(
    id: string,
    before: PresentItem<'host'> | undefined,
    after: PresentItem<'host'> | undefined,
    update: PendingUpdate,
  ): void {
    update.hosts.add(id);
    this.hostsByEnclosure.move(id, before?.spec.enclosureId, after?.spec.enclosureId);
    addAll(update.devices, this.routes.localDevicesOf(id));
    if (inService(before) !== inService(after)) update.reroutedHosts.add(id);
  }

  private flush(update: PoolUpdate): void {
    for (const id of update.devices) {
      const device = this.present('device', id);
      if (inService(device)) this.index.upsertDevice(deviceRecordOf(device, this));
      else this.index.removeDevice(id);
    }
    for (const id of update.hosts) {
      const host = this.present('host', id);
      if (inService(host)) this.index.upsertHost(hostRecordOf(host, this));
      else this.index.removeHost(id);
    }
    for (const id of update.reroutedHosts) {
      const host = this.present('host', id);
      if (host && !inService(host)) continue;
      this.index.setRoutes(id, this.routes.routesOf(id));
    }
  }

  private store(kind: ItemKind, id: string, state: PresentItem | undefined): void {
    let ofKind = this.items.get(kind);
    if (!ofKind) this.items.set(kind, (ofKind = new Map<string, PresentItem>()));
    if (state) ofKind.set(id, state);
    else ofKind.delete(id);
  }
}

/** Present and not retired: in the index (and, for a fabric, providing routes). */
function inService<T extends PresentItem>(item: T | undefined): item is T {
  return item !== undefined && item.retirement === undefined;
}

function addAll(target: Set<string>, ids: Iterable<string>): void {
  for (const id of ids) target.add(id);
}
