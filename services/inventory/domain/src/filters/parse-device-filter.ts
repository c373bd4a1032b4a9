import type { DeviceAttributeName, DeviceKind, Health, Lifecycle } from '@tessera/hardware';
import {
  type AttributeComparison,
  type ComparisonOperator,
  type DeviceFilter,
  deviceFilterProblems,
  type FilterProblem,
} from './device-filter.js';

const clause = /^\s*([A-Za-z][\w.\-/]*)\s*(<=|>=|!=|<|>|=)\s*(.*?)\s*$/;

/**
 * Reads the filter expression people type (CLI, query strings): clauses joined by `,` or ` and `,
 * each `name op value`, for example `kind=gpu, memoryGiB>=80, label.tier=gold, health=ok|warning,
 * reachableFrom=host-7`. `|` separates alternatives of a list criterion. Returns the filter or
 * every problem, each naming the clause.
 */
export function parseDeviceFilter(
  expression: string,
): { ok: true; filter: DeviceFilter } | { ok: false; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const kinds: string[] = [];
  const health: string[] = [];
  const lifecycle: string[] = [];
  const attributes: AttributeComparison[] = [];
  const labels: Record<string, string> = {};
  const single: {
    fabricId?: string;
    reachableFromHostId?: string;
    enclosureId?: string;
    vendor?: string;
  } = {};
  let schedulable: boolean | undefined;
  const clauses = expression.split(/,|\s+and\s+/).filter((text) => text.trim() !== '');
  clauses.forEach((text, index) => {
    const field = `filter[${index}]`;
    const match = clause.exec(text);
    if (!match) {
      problems.push({ field, message: `"${text.trim()}" is not "name op value"` });
      return;
    }
    const [, name = '', operator = '', value = ''] = match;
    const equality = (target: string[]) => {
      if (operator !== '=') problems.push({ field, message: `${name} takes "=" only` });
      target.push(...value.split('|').map((part) => part.trim()));
    };
    if (name === 'kind') equality(kinds);
    else if (name === 'health') equality(health);
    else if (name === 'lifecycle') equality(lifecycle);
    else if (name === 'schedulable') {
      if (operator !== '=' || (value !== 'true' && value !== 'false')) {
        problems.push({ field, message: 'schedulable takes "=true" or "=false"' });
      }
      schedulable = value === 'true';
    } else if (name.startsWith('label.')) {
      if (operator !== '=') problems.push({ field, message: 'labels take "=" only' });
      labels[name.slice('label.'.length)] = value;
    } else if (name in singleNames) {
      if (operator !== '=') problems.push({ field, message: `${name} takes "=" only` });
      single[singleNames[name as keyof typeof singleNames]] = value;
    } else {
      const number = Number(value);
      if (value === '' || !Number.isFinite(number)) {
        problems.push({ field, message: `${name}: "${value}" is not a number` });
      }
      attributes.push({
        attribute: name as DeviceAttributeName,
        operator: operator as ComparisonOperator,
        value: number,
      });
    }
  });
  const filter: DeviceFilter = {
    ...(kinds.length > 0 ? { kinds: kinds as DeviceKind[] } : {}),
    ...(health.length > 0 ? { health: health as Health[] } : {}),
    ...(lifecycle.length > 0 ? { lifecycle: lifecycle as Lifecycle[] } : {}),
    ...(attributes.length > 0 ? { attributes } : {}),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...single,
    ...(schedulable === undefined ? {} : { schedulable }),
  };
  problems.push(...deviceFilterProblems(filter));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, filter };
}

const singleNames = {
  fabric: 'fabricId',
  reachableFrom: 'reachableFromHostId',
  enclosure: 'enclosureId',
  vendor: 'vendor',
} as const;
