import { inventory } from '@tessera/contracts';
import type { ItemKind } from '@tessera/inventory-domain';
import type { ItemView, RouteView } from '../../application/ports/inventory-read-model.js';
import { healthOf, itemKinds, lifecycleStates, sourceKinds } from './enum-mappers.js';
import { fabricOf } from './fabric-mapper.js';
import { deviceOf, enclosureOf, hostOf, rackOf, siteOf } from './spec-mapper.js';

/** An item view of any kind, discriminated by `kind` so that its spec narrows with it. */
type AnyItemView = { [K in ItemKind]: ItemView<K> }[ItemKind];

/** An item as the API shows it: its spec in the `oneof spec` field that matches its kind. */
export function itemOf(view: ItemView): inventory.Item {
  return {
    kind: itemKinds[view.kind],
    id: view.id,
    ...specOf(view as AnyItemView),
    source: { kind: sourceKindOf(view.source.kind), id: view.source.id },
    labels: { ...view.labels },
    health: healthOf(view.health),
    lifecycle: lifecycleStates[view.lifecycle],
    schedulable: view.schedulable,
    cordonReason: view.cordonReason,
    retiredReason: view.retiredReason,
    version: view.version,
    updateTime: view.updatedAt,
  };
}

type SpecFields = Partial<
  Pick<inventory.Item, 'site' | 'rack' | 'enclosure' | 'host' | 'device' | 'fabric'>
>;

function specOf(view: AnyItemView): SpecFields {
  switch (view.kind) {
    case 'site':
      return { site: siteOf(view.spec) };
    case 'rack':
      return { rack: rackOf(view.spec) };
    case 'enclosure':
      return { enclosure: enclosureOf(view.spec) };
    case 'host':
      return { host: hostOf(view.spec) };
    case 'device':
      return { device: deviceOf(view.spec) };
    case 'fabric':
      return { fabric: fabricOf(view.spec) };
  }
}

function sourceKindOf(kind: string): inventory.SourceKind {
  return Object.hasOwn(sourceKinds, kind)
    ? sourceKinds[kind as keyof typeof sourceKinds]
    : inventory.SourceKind.SOURCE_KIND_UNSPECIFIED;
}

export function routeOf(route: RouteView): inventory.Route {
  return {
    hostId: route.hostId,
    deviceId: route.deviceId,
    fabricId: route.fabricId,
    hops: route.hops,
    switchPath: [...route.switchPath],
  };
}
