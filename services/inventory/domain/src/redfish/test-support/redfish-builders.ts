import { mapRedfishToSnapshot } from '../map-redfish.js';
import { type RedfishResources } from '../redfish-resources.js';

/** Resource bodies by path, as a test writes them. */
export type Bodies = Record<string, Record<string, unknown>>;

export const ref = (uri: string) => ({ '@odata.id': uri });

export const refs = (...uris: string[]) => uris.map(ref);

/** A collection body whose `Members@odata.count` matches its members. */
export const collection = (...members: string[]) => ({
  Members: refs(...members),
  'Members@odata.count': members.length,
});

const topLevel = ['Chassis', 'Systems', 'Fabrics', 'Storage'] as const;

/**
 * A crawl of `bodies` as a service would return it: each body gets its own `@odata.id` unless it
 * states one; a service root links the top-level collections and the CompositionService the
 * bodies use; a top-level collection not written by the test lists the members it has in `bodies`.
 */
export function crawlOf(bodies: Bodies): RedfishResources {
  const all: Bodies = { ...bodies };
  const root: Record<string, unknown> = { '@odata.id': '/redfish/v1/' };
  for (const name of topLevel) {
    const uri = `/redfish/v1/${name}`;
    const pattern = new RegExp(`^${uri}/[^/]+$`);
    const members = Object.keys(bodies).filter((key) => pattern.test(key));
    if (members.length === 0 && all[uri] === undefined) continue;
    all[uri] ??= collection(...members);
    root[name] = ref(uri);
  }
  if (all['/redfish/v1/CompositionService'] !== undefined) {
    root.CompositionService = ref('/redfish/v1/CompositionService');
  }
  all['/redfish/v1'] ??= root;
  return new Map(Object.entries(all).map(([uri, body]) => [uri, { '@odata.id': uri, ...body }]));
}

/** Maps `bodies` as one crawl of the source `bmc` (or `sourceId`). */
export const mapBodies = (bodies: Bodies, sourceId = 'bmc') =>
  mapRedfishToSnapshot(crawlOf(bodies), { sourceId });

/** An NVMe drive with every field a vendor fills in, overridable. */
export const nvmeDrive = (fields: Record<string, unknown> = {}) => ({
  Protocol: 'NVMe',
  MediaType: 'SSD',
  Manufacturer: 'Samsung',
  Model: 'PM1743',
  SerialNumber: 'S1',
  CapacityBytes: 3_840_755_982_336,
  Status: { State: 'Enabled', Health: 'OK' },
  ...fields,
});

/** A JBOF chassis whose Drives collection lists `drives` (path → body). */
export const jbofWith = (drives: Bodies): Bodies => ({
  '/redfish/v1/Chassis/jbof': {
    ChassisType: 'StorageEnclosure',
    Drives: ref('/redfish/v1/Chassis/jbof/Drives'),
  },
  '/redfish/v1/Chassis/jbof/Drives': collection(...Object.keys(drives)),
  ...drives,
});
