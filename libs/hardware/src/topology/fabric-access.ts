import { type FabricSpec } from '../model/index.js';

/**
 * The targets an initiator may address on a fabric, whether or not cabling lets it get there.
 * An unzoned fabric (no zones, or an empty list) lets every initiator address every target. A
 * zoned one allows the targets sharing a zone with the initiator, plus those a connection grants
 * it (a connection overrides zoning).
 *
 * The answer comes as lists to walk in turn, for speed on large zones: only `targets` members
 * appear, and one may appear more than once (it shares several zones, or a zone and a grant).
 */
export type AccessPolicy<T> = (initiatorId: string) => readonly (readonly T[])[];

export function accessPolicy<T>(
  fabric: FabricSpec,
  targets: ReadonlyMap<string, T>,
): AccessPolicy<T> {
  const zones = fabric.zones ?? [];
  if (zones.length === 0) {
    const everyTarget = [[...targets.values()]];
    return () => everyTarget;
  }

  const known = (ids: readonly string[]): T[] =>
    ids.flatMap((id) => {
      const target = targets.get(id);
      return target === undefined ? [] : [target];
    });
  const allowed = new Map<string, (readonly T[])[]>();
  const allow = (initiatorIds: readonly string[], targetList: readonly T[]): void => {
    if (targetList.length === 0) return;
    for (const initiatorId of new Set(initiatorIds)) {
      const lists = allowed.get(initiatorId) ?? [];
      lists.push(targetList);
      allowed.set(initiatorId, lists);
    }
  };
  for (const zone of zones) allow(zone.endpointIds, known(zone.endpointIds));
  for (const connection of fabric.connections ?? []) {
    allow(connection.initiatorEndpointIds, known(connection.targetEndpointIds));
  }
  return (initiatorId) => allowed.get(initiatorId) ?? [];
}
