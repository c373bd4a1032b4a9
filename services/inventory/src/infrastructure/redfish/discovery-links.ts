import { normalizeRedfishPath } from '@tessera/inventory-domain';

/** The trees of a Redfish service that hold what discovery maps. */
const discoveryTrees = [
  '/redfish/v1/Chassis',
  '/redfish/v1/Systems',
  '/redfish/v1/Fabrics',
  '/redfish/v1/CompositionService',
  '/redfish/v1/Storage',
];

/**
 * The properties whose links discovery follows: collections and members, the hardware in them
 * and the links between them. Everything else (Thermal, Power, LogServices, Metrics, Volumes,
 * Controllers, Managers, sessions, capability objects, annotations, Oem, Actions) is not read.
 */
const followedProperties = new Set([
  'Members',
  'Chassis',
  'Systems',
  'Fabrics',
  'CompositionService',
  'Storage',
  'Contains',
  'ContainedBy',
  'ComputerSystems',
  'ResourceBlocks',
  'ResourceZones',
  'Zones',
  'Drives',
  'SimpleStorage',
  'Processors',
  'Memory',
  'MemoryDomains',
  'MemoryChunks',
  'CXLLogicalDevices',
  'PCIeDevices',
  'PCIeDevice',
  'PCIeFunctions',
  'NetworkAdapters',
  'NetworkAdapter',
  'NetworkInterfaces',
  'NetworkDeviceFunctions',
  'NetworkPorts',
  'EthernetInterfaces',
  'FabricAdapters',
  'Switches',
  'Ports',
  'ConnectedPorts',
  'ConnectedSwitchPorts',
  'AssociatedEndpoints',
  'Endpoints',
  'EndpointGroups',
  'Connections',
  'InitiatorEndpoints',
  'TargetEndpoints',
  'InitiatorEndpointGroups',
  'TargetEndpointGroups',
  'EntityLink',
]);

const skippedProperties = new Set(['Oem', 'Actions']);

function referenceOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const target = (value as Record<string, unknown>)['@odata.id'];
  return typeof target === 'string' && target !== '' ? target : undefined;
}

function collect(value: unknown, property: string | undefined, found: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) collect(item, property, found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const reference = referenceOf(value);
  if (reference !== undefined && property !== undefined && followedProperties.has(property)) {
    found.push(reference);
  }
  for (const [key, nested] of Object.entries(value)) {
    if (key.includes('@') || skippedProperties.has(key)) continue;
    collect(nested, key, found);
  }
}

const inDiscoveryTree = (path: string) =>
  discoveryTrees.some((tree) => path === tree || path.startsWith(`${tree}/`));

/**
 * The resource paths a body links to that discovery reads, on `origin` only: a link to another
 * host is never followed. Paths are in the key form of `RedfishResources`.
 */
export function discoveryLinks(body: unknown, origin: string): string[] {
  const references: string[] = [];
  collect(body, undefined, references);
  const paths = references.flatMap((reference) => {
    let url: URL;
    try {
      url = new URL(reference, origin);
    } catch {
      return [];
    }
    if (url.origin !== origin) return [];
    const path = normalizeRedfishPath(url.pathname);
    return inDiscoveryTree(path) ? [path] : [];
  });
  return [...new Set(paths)];
}
