import {
  type DeviceAttributeName,
  deviceAttributeNames,
  type DeviceKind,
  deviceKinds,
  type Health,
  healthStates,
  type Labels,
  type Lifecycle,
  lifecycleStates,
} from '@tessera/hardware';

export const comparisonOperators = ['<', '<=', '=', '!=', '>=', '>'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

export interface AttributeComparison {
  readonly attribute: DeviceAttributeName;
  readonly operator: ComparisonOperator;
  readonly value: number;
}

/**
 * Which devices a list returns: every given criterion must hold (AND); a list-valued criterion
 * holds when any of its values matches (OR within it).
 */
export interface DeviceFilter {
  readonly kinds?: readonly DeviceKind[];
  readonly attributes?: readonly AttributeComparison[];
  /** Every label given must be present with that value. */
  readonly labels?: Labels;
  readonly health?: readonly Health[];
  readonly lifecycle?: readonly Lifecycle[];
  /** Attached to this fabric. */
  readonly fabricId?: string;
  /** Reachable from this host (locally or through any fabric). */
  readonly reachableFromHostId?: string;
  readonly enclosureId?: string;
  readonly vendor?: string;
  /**
   * Whether the scheduler may choose it now: available, its source answering, and neither its
   * enclosure nor its host cordoned, retired or missing.
   */
  readonly schedulable?: boolean;
}

export interface FilterProblem {
  readonly field: string;
  readonly message: string;
}

/** Every problem of a filter (empty when it is valid), each naming its field. */
export function deviceFilterProblems(filter: DeviceFilter): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const oneOf = <T extends string>(
    field: string,
    values: readonly T[] | undefined,
    allowed: readonly T[],
  ) => {
    values?.forEach((value, index) => {
      if (!allowed.includes(value)) {
        problems.push({
          field: `${field}[${index}]`,
          message: `"${value}" is not one of ${allowed.join(', ')}`,
        });
      }
    });
  };
  oneOf('kinds', filter.kinds, deviceKinds);
  oneOf('health', filter.health, healthStates);
  oneOf('lifecycle', filter.lifecycle, lifecycleStates);
  filter.attributes?.forEach((comparison, index) => {
    const field = `attributes[${index}]`;
    if (!deviceAttributeNames.includes(comparison.attribute)) {
      problems.push({
        field: `${field}.attribute`,
        message: `"${comparison.attribute}" is not one of ${deviceAttributeNames.join(', ')}`,
      });
    }
    if (!comparisonOperators.includes(comparison.operator)) {
      problems.push({
        field: `${field}.operator`,
        message: `"${comparison.operator}" is not one of ${comparisonOperators.join(' ')}`,
      });
    }
    if (typeof comparison.value !== 'number' || !Number.isFinite(comparison.value)) {
      problems.push({ field: `${field}.value`, message: 'must be a finite number' });
    }
  });
  for (const [key, value] of Object.entries(filter.labels ?? {})) {
    if (key === '' || typeof value !== 'string') {
      problems.push({
        field: `labels["${key}"]`,
        message: 'a label needs a non-empty key and a string value',
      });
    }
  }
  return problems;
}
