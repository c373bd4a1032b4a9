import { inventory } from '@tessera/contracts';
import type { Condition } from '../compositions/composition-resource.js';
import { healthName, itemKindName, lifecyclePhase, sourceKindName } from './inventory-names.js';
import { itemSpec } from './item-spec.js';

/** A hardware item (site, rack, enclosure, host, device or fabric) as the API answers it. */
export interface ItemResource {
  readonly id: string;
  readonly kind: string | undefined;
  /** The labels in effect: the source's, overridden by the operators'. */
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: unknown;
  readonly status: {
    /** The lifecycle: `Discovered`, `Available`, `Reserved`, `Attached`, `Cordoned`, ... */
    readonly phase: string;
    /** `ok`, `warning`, `critical`; absent until anyone reported a health. */
    readonly health: string | undefined;
    /** Devices: whether the scheduler may choose it now. */
    readonly schedulable: boolean;
    readonly cordonReason: string | undefined;
    readonly retiredReason: string | undefined;
    readonly conditions: readonly Condition[];
  };
  /** Who declared it: `{kind: 'manifest' | 'redfish' | 'agent', id}`. */
  readonly source: { readonly kind: string | undefined; readonly id: string } | undefined;
  readonly updatedAt: string | undefined;
  /** The version of the item's event stream: its ETag. */
  readonly version: number;
}

export function itemResource(item: inventory.Item): ItemResource {
  return {
    id: item.id,
    kind: itemKindName(item.kind),
    labels: item.labels,
    spec: itemSpec(item),
    status: {
      phase: lifecyclePhase(item.lifecycle),
      health: healthName(item.health),
      schedulable: item.schedulable,
      cordonReason: item.cordonReason,
      retiredReason: item.retiredReason,
      conditions: conditionsOf(item),
    },
    source: item.source && { kind: sourceKindName(item.source.kind), id: item.source.id },
    updatedAt: item.updateTime,
    version: item.version,
  };
}

/** Devices carry whether the scheduler may choose them, and why not, as a condition. */
function conditionsOf(item: inventory.Item): Condition[] {
  if (item.kind !== inventory.ItemKind.ITEM_KIND_DEVICE) return [];
  const phase = lifecyclePhase(item.lifecycle);
  return [
    {
      type: 'Schedulable',
      status: item.schedulable ? 'True' : 'False',
      reason: phase,
      message: item.retiredReason ?? item.cordonReason ?? '',
    },
  ];
}

/** How a host reaches a device: through a fabric (or `local`) and a path of switches. */
export interface RouteResource {
  readonly hostId: string;
  readonly deviceId: string;
  readonly fabricId: string;
  readonly hops: number;
  /** The switches on the way, from the host's side. */
  readonly switchPath: readonly string[];
}

export function routeResource(route: inventory.Route): RouteResource {
  return {
    hostId: route.hostId,
    deviceId: route.deviceId,
    fabricId: route.fabricId,
    hops: route.hops,
    switchPath: route.switchPath,
  };
}
