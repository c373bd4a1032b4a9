import {
  CandidateIndex,
  type Candidate,
  type DeviceRecord,
  type HostRecord,
  type RouteRecord,
} from '../candidate-index.js';
import { type GroupContext } from '../framework.js';
import { type DeviceDemand, type SchedulingRequest } from '../scheduling-request.js';

/** An available, healthy, exclusive 80 GiB GPU in enclosure e1 of rack r1 unless overridden. */
export function device(id: string, overrides: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    id,
    kind: 'gpu',
    vendor: 'nvidia',
    model: 'H100',
    attributes: { memoryGiB: 80 },
    labels: {},
    health: 'ok',
    lifecycle: 'available',
    schedulable: true,
    maxCompositions: 1,
    enclosureId: 'e1',
    rackId: 'r1',
    siteId: 's1',
    ...overrides,
  };
}

export function host(id: string, overrides: Partial<HostRecord> = {}): HostRecord {
  return {
    id,
    cores: 64,
    memoryGiB: 512,
    labels: {},
    rackId: 'r1',
    siteId: 's1',
    health: 'ok',
    lifecycle: 'available',
    schedulable: true,
    ...overrides,
  };
}

/** A route crossing the given switches: hops is their number, as the inventory counts them. */
export function route(deviceId: string, switchPath: readonly string[] = ['sw1']): RouteRecord {
  return { deviceId, hops: switchPath.length, switchPath };
}

export function candidate(
  record: DeviceRecord,
  switchPath: readonly string[] = ['sw1'],
  allocations = 0,
): Candidate {
  return { device: record, route: route(record.id, switchPath), allocations };
}

export const anyHostRequest: SchedulingRequest = {
  tenant: 'acme',
  host: { selector: {} },
  groups: [],
};

/** A context planning `demand` (one 80 GiB-or-any GPU by default) on host h1. */
export function groupContext(
  demand: Partial<DeviceDemand> = {},
  options: {
    index?: CandidateIndex;
    planned?: readonly Candidate[];
    request?: SchedulingRequest;
  } = {},
): GroupContext {
  return {
    cycle: {
      request: options.request ?? anyHostRequest,
      index: options.index ?? new CandidateIndex(),
    },
    host: host('h1'),
    groupName: 'g',
    demand: { kind: 'gpu', count: 1, ...demand },
    planned: options.planned ?? [],
  };
}
