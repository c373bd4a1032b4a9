import { type DeviceDescription, describeDevice } from './device-description.js';
import {
  chassisDeviceSources,
  type DeviceSource,
  storageServiceDeviceSources,
  systemDeviceSources,
} from './device-sources.js';
import { byText, linksAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';
import { type HostSystem } from './map-hosts.js';
import { type CompositionServiceView, type ResourceBlock } from './resource-blocks.js';

/** A device and where it sits, before enclosure, host and fabric ids are resolved. */
export interface LocatedDevice {
  readonly uri: string;
  readonly description: DeviceDescription;
  /** Where it physically sits. */
  readonly chassisUri?: string;
  /** The host it is local to (not pooled). */
  readonly hostUri?: string;
  /** The pooled (non-compute) resource block that offers it. */
  readonly pooledBlockUri?: string;
  readonly maxCompositions: number;
}

interface Candidate {
  readonly source: DeviceSource;
  readonly block?: ResourceBlock;
  hostUri?: string | undefined;
  chassisUri?: string | undefined;
}

/**
 * Finds every device once, however many listings reach it (a drive appears under its resource
 * block, a composed system's Storage and a chassis): the same path is the same device. The
 * first listing decides what is known about it in this order: resource blocks, host systems,
 * chassis, the service root's Storage. A device a pooled block offers stays pooled (no host)
 * even when a composed system currently uses it.
 */
class DeviceCandidates {
  private readonly byUri = new Map<string, Candidate>();

  add(source: DeviceSource, placement: Omit<Candidate, 'source'>): void {
    const existing = this.byUri.get(source.uri);
    if (existing === undefined) {
      this.byUri.set(source.uri, { source, ...placement });
      return;
    }
    const pooled = existing.block !== undefined && !existing.block.isCompute;
    if (!pooled) existing.hostUri ??= placement.hostUri;
    existing.chassisUri ??= placement.chassisUri;
  }

  sorted(): Candidate[] {
    return [...this.byUri.values()].sort((a, b) => byText(a.source.uri, b.source.uri));
  }
}

/** Devices under `/redfish/v1/Chassis/<id>/...` sit in that chassis unless they say otherwise. */
function chassisOfPath(uri: string): string | undefined {
  return /^\/redfish\/v1\/Chassis\/[^/]+/.exec(uri)?.[0];
}

function locate(reader: RedfishReader, candidate: Candidate): LocatedDevice | undefined {
  const { source, block } = candidate;
  const description = describeDevice(source, reader);
  if (description === undefined) return undefined;
  const pooled = block !== undefined && !block.isCompute;
  const chassisUri =
    linksAt(source.resource, 'Links', 'Chassis')[0] ??
    candidate.chassisUri ??
    chassisOfPath(source.uri);
  return {
    uri: source.uri,
    description,
    ...(chassisUri === undefined ? {} : { chassisUri }),
    ...(candidate.hostUri === undefined || pooled ? {} : { hostUri: candidate.hostUri }),
    ...(pooled ? { pooledBlockUri: block.uri } : {}),
    maxCompositions: block?.maxCompositions ?? 1,
  };
}

export interface DeviceListings {
  readonly composition?: CompositionServiceView | undefined;
  readonly hosts: readonly HostSystem[];
  readonly chassisUris: readonly string[];
  readonly chassisCollectionUri: string;
  readonly storageUris: readonly string[];
  readonly storageCollectionUri: string;
}

export function locateDevices(reader: RedfishReader, listings: DeviceListings): LocatedDevice[] {
  const candidates = new DeviceCandidates();
  const blocks = [...(listings.composition?.blocks ?? [])].sort((a, b) => byText(a.uri, b.uri));
  for (const block of blocks) {
    for (const source of block.devices) {
      candidates.add(source, {
        block,
        hostUri: block.isCompute ? block.hostUris[0] : undefined,
        chassisUri: source.chassisUri ?? block.chassisUri,
      });
    }
  }
  for (const host of listings.hosts) {
    for (const source of systemDeviceSources(reader, host.resource, host.uri)) {
      candidates.add(source, { hostUri: host.uri });
    }
  }
  for (const chassisUri of listings.chassisUris) {
    const chassis = reader.get(chassisUri, listings.chassisCollectionUri);
    if (chassis === undefined) continue;
    for (const source of chassisDeviceSources(reader, chassis, chassisUri)) {
      candidates.add(source, { chassisUri });
    }
  }
  for (const storageUri of listings.storageUris) {
    for (const source of storageServiceDeviceSources(
      reader,
      storageUri,
      listings.storageCollectionUri,
    )) {
      candidates.add(source, {});
    }
  }
  return candidates.sorted().flatMap((candidate) => locate(reader, candidate) ?? []);
}
