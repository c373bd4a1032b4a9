import type { inventory } from '@tessera/contracts';
import {
  type AttributeComparison,
  type DeviceFilter,
  deviceFilterProblems,
  type FilterProblem,
  parseDeviceFilter,
} from '@tessera/inventory-domain';
import { InvalidQueryError } from '../../application/queries/query-errors.js';
import {
  comparisonOperators,
  deviceAttributes,
  deviceKinds,
  domainValueOf,
  healthStates,
  lifecycleStates,
} from './enum-mappers.js';

/**
 * The device filter a ListDevices request asks for: its structured `filter` or its
 * `filter_expression` (never both). Every problem is reported at once, each naming the request
 * field (`filter.kinds[0]`, `filter.attributes[1].value`, `filter_expression`).
 */
export function deviceFilterOf(request: inventory.ListDevicesRequest): DeviceFilter {
  const expression = request.filterExpression.trim();
  const structured = request.filter;
  if (expression !== '' && structured !== undefined && !isEmptyFilter(structured)) {
    throw new InvalidQueryError([
      { field: 'filter_expression', message: 'give either filter or filter_expression, not both' },
    ]);
  }
  return expression === '' ? structuredFilterOf(structured) : expressionFilterOf(expression);
}

function expressionFilterOf(expression: string): DeviceFilter {
  const parsed = parseDeviceFilter(expression);
  if (parsed.ok) return parsed.filter;
  throw new InvalidQueryError(
    parsed.problems.map((problem) => ({
      field: 'filter_expression',
      message: `${clauseName(problem)}: ${problem.message}`,
    })),
  );
}

/** `filter[2]` is the expression's third clause; other fields name the criterion it set. */
function clauseName(problem: FilterProblem): string {
  const clause = /^filter\[(\d+)\]$/.exec(problem.field);
  return clause ? `clause ${Number(clause[1]) + 1}` : problem.field;
}

function structuredFilterOf(filter: inventory.DeviceFilter | undefined): DeviceFilter {
  if (filter === undefined) return {};
  const problems: FilterProblem[] = [];
  const each = <D extends string>(
    field: string,
    values: readonly number[],
    table: Readonly<Record<D, number>>,
  ): D[] =>
    values.flatMap((value, index) => {
      const known = domainValueOf(table, value);
      if (known !== undefined) return [known];
      problems.push(notOneOf(`${field}[${index}]`, table));
      return [];
    });
  const result: DeviceFilter = {
    ...nonEmpty('kinds', each('kinds', filter.kinds, deviceKinds)),
    ...nonEmpty('health', each('health', filter.health, healthStates)),
    ...nonEmpty('lifecycle', each('lifecycle', filter.lifecycle, lifecycleStates)),
    ...nonEmpty('attributes', comparisonsOf(filter.attributes, problems)),
    ...(Object.keys(filter.labels).length > 0 ? { labels: { ...filter.labels } } : {}),
    ...definedOnly({
      fabricId: filter.fabricId,
      reachableFromHostId: filter.reachableFromHostId,
      enclosureId: filter.enclosureId,
      vendor: filter.vendor,
      schedulable: filter.schedulable,
    }),
  };
  problems.push(...deviceFilterProblems(result));
  if (problems.length > 0) {
    throw new InvalidQueryError(
      problems.map((problem) => ({ ...problem, field: `filter.${problem.field}` })),
    );
  }
  return result;
}

function comparisonsOf(
  comparisons: readonly inventory.AttributeComparison[],
  problems: FilterProblem[],
): AttributeComparison[] {
  return comparisons.flatMap((comparison, index) => {
    const attribute = domainValueOf(deviceAttributes, comparison.attribute);
    const operator = domainValueOf(comparisonOperators, comparison.operator);
    if (attribute === undefined) {
      problems.push(notOneOf(`attributes[${index}].attribute`, deviceAttributes));
    }
    if (operator === undefined) {
      problems.push(notOneOf(`attributes[${index}].operator`, comparisonOperators));
    }
    if (!Number.isFinite(comparison.value)) {
      problems.push({ field: `attributes[${index}].value`, message: 'must be a finite number' });
    }
    return attribute === undefined || operator === undefined || !Number.isFinite(comparison.value)
      ? []
      : [{ attribute, operator, value: comparison.value }];
  });
}

function notOneOf(field: string, table: object): FilterProblem {
  return { field, message: `must be one of ${Object.keys(table).join(', ')}` };
}

function nonEmpty<K extends string, T>(key: K, values: T[]): Partial<Record<K, T[]>> {
  return values.length > 0 ? ({ [key]: values } as Record<K, T[]>) : {};
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function isEmptyFilter(filter: inventory.DeviceFilter): boolean {
  const single = [
    filter.fabricId,
    filter.reachableFromHostId,
    filter.enclosureId,
    filter.vendor,
    filter.schedulable,
  ];
  return (
    [filter.kinds, filter.attributes, filter.health, filter.lifecycle].every(
      (values) => values.length === 0,
    ) &&
    Object.keys(filter.labels).length === 0 &&
    single.every((value) => value === undefined)
  );
}
