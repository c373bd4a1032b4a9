import {
  type DeviceKind,
  type EnclosureKind,
  type EnclosureSpec,
  type RackSpec,
  type SiteSpec,
} from '@tessera/hardware';
import { type ChassisRole, chassisRoleOf, isAbsent } from './redfish-enums.js';
import { type JsonObject, lastSegment, linksAt, textAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';

export interface PlacementFacts {
  readonly chassisUris: readonly string[];
  readonly chassisCollectionUri: string;
  /** Where each device sits, by kind. */
  readonly devices: readonly { readonly chassisUri?: string; readonly kind: DeviceKind }[];
  /** Chassis holding compute: physical hosts' own chassis and compute blocks' chassis. */
  readonly computeChassisUris: ReadonlySet<string>;
}

export interface Placement {
  readonly sites: readonly SiteSpec[];
  readonly racks: readonly RackSpec[];
  readonly enclosures: readonly EnclosureSpec[];
  readonly enclosureIdByChassis: ReadonlyMap<string, string>;
  /** Racks the data states (never the synthetic one), for hosts. */
  readonly reportedRackIdByChassis: ReadonlyMap<string, string>;
}

interface FoundRack {
  readonly rack: RackSpec;
  readonly site?: SiteSpec;
}

const storageKinds = new Set<DeviceKind>(['nvme', 'ssd', 'hdd']);
const acceleratorKinds = new Set<DeviceKind>(['gpu', 'fpga', 'accelerator']);

/** Ids built from free text keep to letters, digits and `._:/-`. */
const slug = (text: string) => text.trim().replace(/[^A-Za-z0-9._:/-]+/g, '-');

/**
 * An enclosure's kind. A storage enclosure is a JBOF; a chassis holding compute is a compute
 * sled; otherwise what most of its devices are: drives make a JBOF, GPUs/FPGAs/accelerators a
 * GPU chassis, anything else (NICs, memory) or nothing an expansion box.
 */
function enclosureKindOf(role: ChassisRole, uri: string, facts: PlacementFacts): EnclosureKind {
  if (role === 'storage-enclosure') return 'jbof';
  if (facts.computeChassisUris.has(uri)) return 'compute-sled';
  const kinds = facts.devices.filter((device) => device.chassisUri === uri).map((d) => d.kind);
  const storage = kinds.filter((kind) => storageKinds.has(kind)).length;
  const accelerators = kinds.filter((kind) => acceleratorKinds.has(kind)).length;
  const others = kinds.length - storage - accelerators;
  if (storage > 0 && storage >= accelerators && storage >= others) return 'jbof';
  if (accelerators > 0 && accelerators >= others) return 'gpu-chassis';
  return 'expansion-box';
}

function siteOf(reader: RedfishReader, chassis: JsonObject): SiteSpec | undefined {
  const name =
    textAt(chassis, 'Location', 'PostalAddress', 'Building') ??
    textAt(chassis, 'Location', 'PostalAddress', 'Location') ??
    textAt(chassis, 'Location', 'PostalAddress', 'City');
  return name === undefined ? undefined : { id: `${reader.sourceId}:site:${slug(name)}`, name };
}

/**
 * The rack a chassis stands in, as the data states it: an enclosing chassis of type Rack (up the
 * ContainedBy chain) or a `Location.Placement.Rack` name on the chassis or an enclosing one.
 */
function rackOf(reader: RedfishReader, chassisUri: string): FoundRack | undefined {
  const visited = new Set<string>();
  let current: string | undefined = chassisUri;
  while (current !== undefined && !visited.has(current)) {
    visited.add(current);
    const chassis = reader.get(current, chassisUri);
    if (chassis === undefined) return undefined;
    const site = siteOf(reader, chassis);
    const siteFields = site === undefined ? {} : { site };
    if (current !== chassisUri && chassisRoleOf(chassis, current, reader) === 'rack') {
      const name = textAt(chassis, 'Name') ?? lastSegment(current);
      return { rack: { id: reader.id(current), siteId: '', name }, ...siteFields };
    }
    const placed = textAt(chassis, 'Location', 'Placement', 'Rack');
    if (placed !== undefined) {
      const id = `${reader.sourceId}:rack:${slug(placed)}`;
      return { rack: { id, siteId: '', name: placed }, ...siteFields };
    }
    current = linksAt(chassis, 'Links', 'ContainedBy')[0];
  }
  return undefined;
}

/**
 * Sites, racks and enclosures from the Chassis collection. Racks and sites appear only when the
 * data states them (see `rackOf`; a site from `Location.PostalAddress`). Enclosures must stand
 * in a rack: those without one go to ONE synthetic rack `<source>:rack` in ONE synthetic site
 * `<source>:site`, which also holds stated racks without a stated site.
 */
export function mapPlacement(reader: RedfishReader, facts: PlacementFacts): Placement {
  const sourceSite: SiteSpec = {
    id: `${reader.sourceId}:site`,
    name: `${reader.sourceId} (site not reported)`,
  };
  const sourceRack: RackSpec = {
    id: `${reader.sourceId}:rack`,
    siteId: sourceSite.id,
    name: `${reader.sourceId} (rack not reported)`,
  };
  const sites = new Map<string, SiteSpec>();
  const racks = new Map<string, RackSpec>();
  const enclosures: EnclosureSpec[] = [];
  const enclosureIdByChassis = new Map<string, string>();
  const reportedRackIdByChassis = new Map<string, string>();
  const placeRack = (found: FoundRack): string => {
    const site = found.site ?? sourceSite;
    sites.set(site.id, site);
    if (!racks.has(found.rack.id)) racks.set(found.rack.id, { ...found.rack, siteId: site.id });
    return found.rack.id;
  };

  for (const uri of facts.chassisUris) {
    const chassis = reader.get(uri, facts.chassisCollectionUri);
    if (chassis === undefined || isAbsent(chassis)) continue;
    const role = chassisRoleOf(chassis, uri, reader);
    if (role === 'rack') {
      const site = siteOf(reader, chassis);
      const name = textAt(chassis, 'Name') ?? lastSegment(uri);
      placeRack({ rack: { id: reader.id(uri), siteId: '', name }, ...(site ? { site } : {}) });
      continue;
    }
    if (role === 'not-placed') continue;
    const found = rackOf(reader, uri);
    const rackId = found === undefined ? placeRack({ rack: sourceRack }) : placeRack(found);
    if (found !== undefined) reportedRackIdByChassis.set(uri, rackId);
    const id = reader.id(uri);
    enclosureIdByChassis.set(uri, id);
    enclosures.push({
      id,
      kind: enclosureKindOf(role, uri, facts),
      rackId,
      vendor: textAt(chassis, 'Manufacturer') ?? 'unknown',
      model: textAt(chassis, 'Model') ?? textAt(chassis, 'Name') ?? 'unknown',
      serial: textAt(chassis, 'SerialNumber') ?? 'unknown',
    });
  }
  return {
    sites: [...sites.values()],
    racks: [...racks.values()],
    enclosures,
    enclosureIdByChassis,
    reportedRackIdByChassis,
  };
}
