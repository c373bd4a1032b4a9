import { type HostSpec } from '@tessera/hardware';
import {
  healthOf,
  isAbsent,
  isHostSystem,
  memoryRoleOf,
  processorKindOf,
} from './redfish-enums.js';
import { type JsonObject, lastSegment, linksAt, numberAt, textAt } from './redfish-json.js';
import { type RedfishReader } from './redfish-reader.js';
import { type ResourceBlock } from './resource-blocks.js';

/** A ComputerSystem that is a host: physical or composed (not virtual, OS or DPU systems). */
export interface HostSystem {
  readonly uri: string;
  readonly resource: JsonObject;
}

/** A host before placement and fabric attachments are known. */
export interface HostDraft {
  readonly uri: string;
  /** Its own chassis, or the chassis of the compute block it is composed from. */
  readonly chassisUri?: string;
  /** A composed system spans chassis: it does not make a chassis a compute sled. */
  readonly isComposed: boolean;
  /** Its CPUs and memory, which fabric endpoints may name instead of the system. */
  readonly partUris: readonly string[];
  readonly spec: Omit<HostSpec, 'attachments'>;
}

export function readHostSystems(
  reader: RedfishReader,
  systemUris: readonly string[],
  referrer: string,
): HostSystem[] {
  return systemUris.flatMap((uri) => {
    const resource = reader.get(uri, referrer);
    if (resource === undefined || isAbsent(resource)) return [];
    return isHostSystem(resource, uri, reader) ? [{ uri, resource }] : [];
  });
}

function readParts(reader: RedfishReader, system: HostSystem, property: string) {
  return reader.memberResources(system.resource, system.uri, property);
}

function cpuFacts(
  reader: RedfishReader,
  system: HostSystem,
  processors: ReturnType<typeof readParts>,
) {
  const cpus = processors.filter(
    (cpu) => processorKindOf(cpu.resource, cpu.uri, reader) === undefined,
  );
  const cores = cpus
    .map((cpu) => numberAt(cpu.resource, 'TotalCores'))
    .filter((n) => n !== undefined);
  return {
    cpuModel:
      textAt(system.resource, 'ProcessorSummary', 'Model') ??
      cpus.map((cpu) => textAt(cpu.resource, 'Model')).find((model) => model !== undefined),
    cpuCores:
      cores.length > 0
        ? cores.reduce((sum, n) => sum + n, 0)
        : numberAt(system.resource, 'ProcessorSummary', 'CoreCount'),
  };
}

function memoryGiBOf(
  reader: RedfishReader,
  system: HostSystem,
  memory: ReturnType<typeof readParts>,
) {
  const stated = numberAt(system.resource, 'MemorySummary', 'TotalSystemMemoryGiB');
  if (stated !== undefined) return stated;
  const dramMiB = memory
    .filter((dimm) => memoryRoleOf(dimm.resource, dimm.uri, reader) === 'host-memory')
    .reduce((sum, dimm) => sum + (numberAt(dimm.resource, 'CapacityMiB') ?? 0), 0);
  return dramMiB > 0 ? dramMiB / 1024 : undefined;
}

export function draftHost(
  reader: RedfishReader,
  system: HostSystem,
  blocks: readonly ResourceBlock[],
): HostDraft {
  const { uri, resource } = system;
  const processors = readParts(reader, system, 'Processors');
  const memory = readParts(reader, system, 'Memory');
  const { cpuModel, cpuCores } = cpuFacts(reader, system, processors);
  const memoryGiB = memoryGiBOf(reader, system, memory);
  const health = healthOf(resource, uri, reader);
  const chassisUri =
    linksAt(resource, 'Links', 'Chassis')[0] ??
    blocks.find((block) => block.isCompute && block.hostUris.includes(uri))?.chassisUri;
  const model = [textAt(resource, 'Model'), textAt(resource, 'SubModel')].filter(Boolean).join(' ');
  return {
    uri,
    ...(chassisUri === undefined ? {} : { chassisUri }),
    isComposed: textAt(resource, 'SystemType') === 'Composed',
    partUris: [...processors, ...memory].map((part) => part.uri),
    spec: {
      id: reader.id(uri),
      name: textAt(resource, 'HostName') ?? textAt(resource, 'Name') ?? lastSegment(uri),
      vendor: textAt(resource, 'Manufacturer') ?? 'unknown',
      model: model === '' ? 'unknown' : model,
      serial: textAt(resource, 'SerialNumber') ?? 'unknown',
      ...(cpuModel === undefined ? {} : { cpuModel }),
      ...(cpuCores === undefined ? {} : { cpuCores }),
      ...(memoryGiB === undefined ? {} : { memoryGiB }),
      ...(health === undefined ? {} : { health }),
    },
  };
}
