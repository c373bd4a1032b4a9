import { linksAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';
import { redfishServiceRoot } from './redfish-resources.js';

/** The top-level collections discovery reads, as the service root links them. */
export interface ServiceRootLinks {
  readonly chassis?: string;
  readonly systems?: string;
  readonly fabrics?: string;
  readonly storage?: string;
  readonly compositionService?: string;
}

const names = {
  chassis: 'Chassis',
  systems: 'Systems',
  fabrics: 'Fabrics',
  storage: 'Storage',
  compositionService: 'CompositionService',
} as const;

/**
 * Where the root says the collections are. Without a root in the crawl, the standard paths
 * (`/redfish/v1/Chassis` ...) are used where the crawl holds them.
 */
export function readServiceRoot(reader: RedfishReader): ServiceRootLinks {
  const root = reader.has(redfishServiceRoot)
    ? reader.get(redfishServiceRoot, 'the crawl')
    : undefined;
  if (root === undefined) reader.warn(`the crawl holds no service root ${redfishServiceRoot}`);
  const links: Record<string, string> = {};
  for (const [key, property] of Object.entries(names)) {
    const standard = `${redfishServiceRoot}/${property}`;
    const target =
      root === undefined
        ? reader.has(standard)
          ? standard
          : undefined
        : linksAt(root, property)[0];
    if (target !== undefined) links[key] = target;
  }
  return links;
}
