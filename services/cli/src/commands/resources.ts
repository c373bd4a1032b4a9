import { UsageError } from '../errors.js';
import type { ResourceViewName } from '../output/resource-views.js';

/** A list filter a resource takes: the flag people type and the query parameter it sets. */
export type FilterFlag =
  'kind' | 'tenant' | 'phase' | 'health' | 'label' | 'reachableFrom' | 'actor' | 'filter';

/** How `get <resource> <id>` finds one: at `<path>/<id>`, or in the list (no such endpoint). */
export type Lookup = 'path' | 'list';

/** A kind of resource `get`, `list` and `describe` know. */
export interface ResourceType {
  readonly name: ResourceViewName;
  readonly aliases: readonly string[];
  readonly path: string;
  /** The list filters it takes, flag → query parameter. */
  readonly filters: Readonly<Partial<Record<FilterFlag, string>>>;
  /** Whether its list is paged (`pageSize`, `pageToken`). */
  readonly paged: boolean;
  readonly lookup: Lookup;
  /** The field `get <id>` compares with when it looks in the list. */
  readonly idField: string;
}

/** Hardware other than devices: listed by id, no filters. */
const hardware = (name: 'hosts' | 'enclosures' | 'fabrics' | 'racks' | 'sites'): ResourceType => ({
  name,
  aliases: [name.replace(/s$/, '')],
  path: `/v1/${name}`,
  filters: {},
  paged: true,
  lookup: 'path',
  idField: 'id',
});

const resourceTypes: readonly ResourceType[] = [
  {
    name: 'devices',
    aliases: ['device', 'dev'],
    path: '/v1/devices',
    // A device's status.phase is its lifecycle (Available, Cordoned, …).
    filters: {
      kind: 'kind',
      phase: 'lifecycle',
      health: 'health',
      label: 'label',
      reachableFrom: 'reachableFrom',
      filter: 'filter',
    },
    paged: true,
    lookup: 'path',
    idField: 'id',
  },
  hardware('hosts'),
  hardware('enclosures'),
  hardware('fabrics'),
  hardware('racks'),
  hardware('sites'),
  {
    name: 'compositions',
    aliases: ['composition', 'comp'],
    path: '/v1/compositions',
    filters: { tenant: 'tenant', phase: 'phase' },
    paged: true,
    lookup: 'path',
    idField: 'id',
  },
  {
    name: 'templates',
    aliases: ['template'],
    path: '/v1/templates',
    filters: {},
    paged: false,
    lookup: 'path',
    idField: 'name',
  },
  {
    name: 'leases',
    aliases: ['lease'],
    path: '/v1/leases',
    filters: { tenant: 'tenant', phase: 'phase' },
    paged: true,
    lookup: 'path',
    idField: 'id',
  },
  {
    name: 'quotas',
    aliases: ['quota'],
    path: '/v1/quotas',
    filters: { tenant: 'tenant' },
    paged: false,
    lookup: 'list',
    idField: 'tenant',
  },
  {
    name: 'sources',
    aliases: ['source', 'discovery-sources'],
    path: '/v1/discovery-sources',
    filters: {},
    paged: false,
    lookup: 'list',
    idField: 'id',
  },
  {
    name: 'tokens',
    aliases: ['token'],
    path: '/v1/tokens',
    filters: {},
    paged: false,
    lookup: 'list',
    idField: 'id',
  },
  {
    name: 'audit',
    aliases: ['audit-log', 'audits'],
    path: '/v1/audit',
    filters: { tenant: 'tenant', actor: 'actor' },
    paged: true,
    lookup: 'list',
    idField: 'cursor',
  },
];

export const resourceNames = resourceTypes.map((type) => type.name);

/** The resource a word names (`gpu` is not one: that is `devices --kind gpu`). */
export function resourceType(word: string): ResourceType {
  const lower = word.toLowerCase();
  const found = resourceTypes.find((type) => type.name === lower || type.aliases.includes(lower));
  if (found === undefined) {
    throw new UsageError(`unknown resource "${word}"`, [`resources: ${resourceNames.join(', ')}`]);
  }
  return found;
}

/** The path of one resource. */
export function itemPath(type: ResourceType, id: string): string {
  return `${type.path}/${encodeURIComponent(id)}`;
}
