import type { scheduler } from '@tessera/composer-domain';
import {
  absentItem,
  evolveItem,
  type InventorySnapshot,
  type ItemKind,
  type ItemSpecs,
  type SourceRef,
} from '@tessera/hardware';
import type { PoolItem } from './pool-item.js';
import { PoolIndex } from './pool-index.js';

/**
 * A candidate index of the given item states, built in memory (benchmarks, what-if tools), its
 * lists prepared as at a start (see `loadPoolIndex`).
 */
export function indexFromItemStates(items: readonly PoolItem[]): scheduler.CandidateIndex {
  const pool = new PoolIndex();
  pool.applyItems(items);
  pool.index.prepareLists();
  return pool.index;
}

/**
 * The states the inventory's items would have right after `source` registered everything in
 * the snapshot (a parsed manifest or a generated lab), as `evolveItem` gives them.
 */
export function itemStatesOfSnapshot(
  snapshot: InventorySnapshot,
  source: SourceRef = { kind: 'manifest', id: 'snapshot' },
): PoolItem[] {
  return [
    ...registered('site', snapshot.sites, source),
    ...registered('rack', snapshot.racks, source),
    ...registered('enclosure', snapshot.enclosures, source),
    ...registered('host', snapshot.hosts, source),
    ...registered('device', snapshot.devices, source),
    ...registered('fabric', snapshot.fabrics, source),
  ];
}

function registered<K extends ItemKind>(
  kind: K,
  specs: readonly ItemSpecs[K][],
  source: SourceRef,
): PoolItem<K>[] {
  return specs.map((spec) => ({
    kind,
    id: spec.id,
    state: evolveItem<K>(absentItem, { fact: 'Registered', spec, source }),
  }));
}
