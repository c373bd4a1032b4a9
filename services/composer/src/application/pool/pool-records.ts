import type { scheduler } from '@tessera/composer-domain';
import { effectiveLabels, type ItemKind, lifecycleOf, type PresentItem } from '@tessera/hardware';

/** The present items the records of other items are derived from (their placement). */
export interface PoolItemLookup {
  present<K extends ItemKind>(kind: K, id: string | undefined): PresentItem<K> | undefined;
}

/**
 * A device as the scheduler sees it. Its lifecycle is the inventory's, with usage left to the
 * ledger (`free`): the index counts allocations itself. It is `schedulable` unless the
 * enclosure it sits in, or the host it is local to, is cordoned, retired or missing (as the
 * inventory's own device filter says). Health nobody reported yet reads `ok`: such a device is
 * `discovered` (not eligible) unless an operator's manifest vouches for it.
 */
export function deviceRecordOf(
  item: PresentItem<'device'>,
  items: PoolItemLookup,
): scheduler.DeviceRecord {
  const { spec } = item;
  const enclosure = items.present('enclosure', spec.enclosureId);
  const host = items.present('host', spec.hostId);
  const rackId = enclosure?.spec.rackId ?? (host && rackIdOfHost(host, items));
  const siteId = items.present('rack', rackId)?.spec.siteId;
  return {
    id: spec.id,
    kind: spec.kind,
    vendor: spec.vendor,
    model: spec.model,
    attributes: spec.attributes,
    labels: effectiveLabels(item),
    health: item.health ?? 'ok',
    lifecycle: lifecycleOf(item),
    schedulable: !outOfService(enclosure) && !outOfService(host),
    maxCompositions: spec.maxCompositions,
    ...(spec.enclosureId !== undefined && { enclosureId: spec.enclosureId }),
    ...(rackId !== undefined && { rackId }),
    ...(siteId !== undefined && { siteId }),
  };
}

/** A host as the scheduler sees it; `schedulable` unless its enclosure is out of service. */
export function hostRecordOf(
  item: PresentItem<'host'>,
  items: PoolItemLookup,
): scheduler.HostRecord {
  const { spec } = item;
  const rackId = rackIdOfHost(item, items);
  const siteId = items.present('rack', rackId)?.spec.siteId;
  return {
    id: spec.id,
    ...(spec.cpuCores !== undefined && { cores: spec.cpuCores }),
    ...(spec.memoryGiB !== undefined && { memoryGiB: spec.memoryGiB }),
    labels: effectiveLabels(item),
    ...(rackId !== undefined && { rackId }),
    ...(siteId !== undefined && { siteId }),
    health: item.health ?? 'ok',
    lifecycle: lifecycleOf(item),
    schedulable: !outOfService(items.present('enclosure', spec.enclosureId)),
  };
}

function rackIdOfHost(host: PresentItem<'host'>, items: PoolItemLookup): string | undefined {
  return host.spec.rackId ?? items.present('enclosure', host.spec.enclosureId)?.spec.rackId;
}

/** Whether a container takes what it holds out of scheduling. Unknown containers do not. */
function outOfService(item: PresentItem | undefined): boolean {
  return (
    item !== undefined &&
    (item.cordon !== undefined || item.retirement !== undefined || item.missing)
  );
}
