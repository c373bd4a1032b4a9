import { inventory } from '@tessera/contracts';
import { enumName } from '../enum-names.js';

/**
 * The inventory's enum values as the API names them: lower-kebab (`gpu`, `cxl-memory`, `ok`),
 * the same names the inventory's filter expressions and manifests use, so that a query
 * parameter can be passed on as it was given. UNSPECIFIED (nobody said) and unrecognized
 * values have no name: the field is left out.
 */
type NameOf = (value: number) => string | undefined;

function lowerNames(prefix: string, toJson: (value: number) => string): NameOf {
  return (value) => (value > 0 ? enumName(toJson(value), prefix, 'lower') : undefined);
}

function namesOf(values: Readonly<Record<string, string | number>>, name: NameOf): string[] {
  return Object.values(values).flatMap((value) => {
    const named = typeof value === 'number' ? name(value) : undefined;
    return named === undefined ? [] : [named];
  });
}

export const itemKindName = lowerNames('ITEM_KIND_', inventory.itemKindToJSON);
export const deviceKindName = lowerNames('DEVICE_KIND_', inventory.deviceKindToJSON);
export const healthName = lowerNames('HEALTH_', inventory.healthToJSON);
export const lifecycleName = lowerNames('LIFECYCLE_', inventory.lifecycleToJSON);
export const sourceKindName = lowerNames('SOURCE_KIND_', inventory.sourceKindToJSON);
export const enclosureKindName = lowerNames('ENCLOSURE_KIND_', inventory.enclosureKindToJSON);
export const fabricKindName = lowerNames('FABRIC_KIND_', inventory.fabricKindToJSON);
export const endpointRoleName = lowerNames('ENDPOINT_ROLE_', inventory.endpointRoleToJSON);
export const endpointEntityTypeName = lowerNames(
  'ENDPOINT_ENTITY_TYPE_',
  inventory.endpointEntityTypeToJSON,
);
export const syncOutcomeName = lowerNames('SYNC_OUTCOME_', inventory.syncOutcomeToJSON);

export const deviceKindNames = namesOf(inventory.DeviceKind, deviceKindName);
export const healthNames = namesOf(inventory.Health, healthName);
export const lifecycleNames = namesOf(inventory.Lifecycle, lifecycleName);

/** A lifecycle as a status phase: `Available`, `Cordoned`, ...; `Unknown` when unset. */
export function lifecyclePhase(value: inventory.Lifecycle): string {
  return lifecycleName(value) === undefined
    ? 'Unknown'
    : enumName(inventory.lifecycleToJSON(value), 'LIFECYCLE_', 'pascal');
}

/** The proto value of a health name the API accepted (one of `healthNames`). */
export function healthValue(name: string): inventory.Health {
  return inventory.healthFromJSON(`HEALTH_${name.toUpperCase().replaceAll('-', '_')}`);
}
