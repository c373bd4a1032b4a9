import { blockDeviceSources, type DeviceSource } from './device-sources.js';
import { booleanAt, type JsonObject, linksAt, numberAt, textsAt } from './redfish-json.js';
import { type Member, type RedfishReader } from './redfish-reader.js';

/** A CompositionService ResourceBlock, read for the mapping. */
export interface ResourceBlock {
  readonly uri: string;
  /** A Compute or ComputerSystem block: the host side of a composition, not pooled devices. */
  readonly isCompute: boolean;
  readonly chassisUri?: string;
  /** For compute blocks: the systems it is (ComputerSystems) or is composed into (Links). */
  readonly hostUris: readonly string[];
  readonly zoneUris: readonly string[];
  readonly maxCompositions: number;
  readonly devices: readonly DeviceSource[];
}

export interface CompositionServiceView {
  readonly uri: string;
  readonly blocks: readonly ResourceBlock[];
  readonly zoneUris: readonly string[];
}

/** Whether the block's types (a string or an array, both are published) make it compute. */
function isComputeBlock(block: JsonObject, uri: string, reader: RedfishReader): boolean {
  let compute = false;
  for (const type of textsAt(block, 'ResourceBlockType')) {
    switch (type) {
      case 'Compute':
      case 'ComputerSystem':
        compute = true;
        break;
      case 'Processor':
      case 'Memory':
      case 'Network':
      case 'Storage':
      case 'Expansion':
      case 'IndependentResource':
        break;
      default:
        reader.warn(`${uri}: unknown ResourceBlockType "${type}"; its members are read as devices`);
    }
  }
  return compute;
}

/**
 * How many compositions may use a block's devices at once. `SharingCapable: false` or
 * `SharingEnabled: false` make them exclusive whatever `MaxCompositions` says (the service does
 * not share them now); otherwise `MaxCompositions`, and 1 when unstated or not a positive integer.
 */
export function maxCompositionsOf(block: JsonObject, uri: string, reader: RedfishReader): number {
  const sharingCapable = booleanAt(block, 'CompositionStatus', 'SharingCapable');
  const sharingEnabled = booleanAt(block, 'CompositionStatus', 'SharingEnabled');
  if (sharingCapable === false || sharingEnabled === false) return 1;
  const stated = numberAt(block, 'CompositionStatus', 'MaxCompositions');
  if (stated === undefined) return 1;
  if (!Number.isInteger(stated) || stated < 1) {
    reader.warn(`${uri}: MaxCompositions ${stated} is not a positive integer, read as 1`);
    return 1;
  }
  return stated;
}

function readBlock(reader: RedfishReader, { uri, resource: block }: Member): ResourceBlock {
  const isCompute = isComputeBlock(block, uri, reader);
  const chassisUri = linksAt(block, 'Links', 'Chassis')[0];
  const hostUris = isCompute
    ? [
        ...new Set([
          ...linksAt(block, 'ComputerSystems'),
          ...linksAt(block, 'Links', 'ComputerSystems'),
        ]),
      ]
    : [];
  return {
    uri,
    isCompute,
    ...(chassisUri === undefined ? {} : { chassisUri }),
    hostUris,
    zoneUris: linksAt(block, 'Links', 'Zones'),
    maxCompositions: maxCompositionsOf(block, uri, reader),
    devices: blockDeviceSources(reader, block, uri),
  };
}

/** The service's resource blocks and resource zones, or undefined when it has no such service. */
export function readCompositionService(
  reader: RedfishReader,
  serviceUri: string | undefined,
  referrer: string,
): CompositionServiceView | undefined {
  if (serviceUri === undefined) return undefined;
  const service = reader.get(serviceUri, referrer);
  if (service === undefined) return undefined;
  const blocks = reader
    .memberResources(service, serviceUri, 'ResourceBlocks')
    .map((member) => readBlock(reader, member));
  return {
    uri: serviceUri,
    blocks,
    zoneUris: reader.collection(service, serviceUri, 'ResourceZones'),
  };
}
