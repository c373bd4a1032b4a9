import {
  compareIds,
  type DeviceAttributes,
  type DeviceKind,
  type Labels,
} from './scheduling-request.js';

export type Health = 'ok' | 'warning' | 'critical';

export type Lifecycle =
  | 'discovered'
  | 'available'
  | 'reserved'
  | 'attached'
  | 'cordoned'
  | 'failed'
  | 'missing'
  | 'retired';

/** A device as the inventory's events describe it. Usage comes from the ledger, separately. */
export interface DeviceRecord {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly vendor: string;
  readonly model: string;
  readonly attributes: DeviceAttributes;
  readonly labels: Labels;
  readonly health: Health;
  readonly lifecycle: Lifecycle;
  readonly schedulable: boolean;
  /** 1 = exclusive; more = sharable by up to that many compositions. */
  readonly maxCompositions: number;
  readonly enclosureId?: string;
  readonly rackId?: string;
  readonly siteId?: string;
}

export interface HostRecord {
  readonly id: string;
  readonly cores?: number;
  readonly memoryGiB?: number;
  readonly labels: Labels;
  readonly rackId?: string;
  readonly siteId?: string;
  readonly health: Health;
  readonly lifecycle: Lifecycle;
  readonly schedulable: boolean;
}

/** The best route from a host to a device; `switchPath` lists switches from the host's side. */
export interface RouteRecord {
  readonly deviceId: string;
  readonly hops: number;
  readonly switchPath: readonly string[];
}

/** A device seen from one host: what it is, how the host reaches it, how many hold it now. */
export interface Candidate {
  readonly device: DeviceRecord;
  readonly route: RouteRecord;
  readonly allocations: number;
}

interface EnclosureUsage {
  devices: number;
  inUse: number;
}

/**
 * The scheduler's in-memory view of the pool, fed incrementally by inventory events (devices,
 * hosts, routes) and ledger events (allocations). It is a cache to choose candidates fast; the
 * ledger decides. Lookups go through host → kind → reachable devices, so a decision reads only
 * what a host reaches, never the whole pool. Routes may arrive before their devices: a route
 * counts once its device is known.
 */
export class CandidateIndex {
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly allocations = new Map<string, number>();
  private readonly hostsById = new Map<string, HostRecord>();
  private sortedHosts: readonly HostRecord[] | undefined;
  private readonly routesByHost = new Map<string, Map<string, RouteRecord>>();
  private readonly hostsReaching = new Map<string, Set<string>>();
  private readonly reachableByKind = new Map<string, Map<DeviceKind, Set<string>>>();
  private readonly enclosures = new Map<string, EnclosureUsage>();

  upsertDevice(device: DeviceRecord): void {
    const previous = this.devices.get(device.id);
    if (previous) this.forgetDevice(previous);
    this.devices.set(device.id, device);
    this.countInEnclosure(device, 1);
    for (const hostId of this.hostsReaching.get(device.id) ?? []) {
      this.kindBucket(hostId, device.kind).add(device.id);
    }
  }

  /** Its routes stay known, so a device that comes back is reachable again at once. */
  removeDevice(deviceId: string): void {
    const device = this.devices.get(deviceId);
    if (!device) return;
    this.forgetDevice(device);
    this.devices.delete(deviceId);
  }

  upsertHost(host: HostRecord): void {
    this.hostsById.set(host.id, host);
    this.sortedHosts = undefined;
  }

  removeHost(hostId: string): void {
    this.setRoutes(hostId, []);
    this.hostsById.delete(hostId);
    this.sortedHosts = undefined;
  }

  /** Replaces every route of a host. Of several routes to one device, the shortest is kept. */
  setRoutes(hostId: string, routes: readonly RouteRecord[]): void {
    for (const deviceId of this.routesByHost.get(hostId)?.keys() ?? []) {
      this.hostsReaching.get(deviceId)?.delete(hostId);
    }
    this.reachableByKind.delete(hostId);
    const kept = new Map<string, RouteRecord>();
    for (const route of routes) {
      const incumbent = kept.get(route.deviceId);
      if (!incumbent || route.hops < incumbent.hops) kept.set(route.deviceId, route);
    }
    this.routesByHost.set(hostId, kept);
    for (const deviceId of kept.keys()) {
      let hosts = this.hostsReaching.get(deviceId);
      if (!hosts) this.hostsReaching.set(deviceId, (hosts = new Set()));
      hosts.add(hostId);
      const device = this.devices.get(deviceId);
      if (device) this.kindBucket(hostId, device.kind).add(deviceId);
    }
  }

  /** How many compositions hold the device, as the ledger says. */
  setAllocations(deviceId: string, count: number): void {
    const before = this.allocationsOf(deviceId);
    if (count === 0) this.allocations.delete(deviceId);
    else this.allocations.set(deviceId, count);
    const device = this.devices.get(deviceId);
    if (device && before > 0 !== count > 0) this.countInUse(device, count > 0 ? 1 : -1);
  }

  /** Adjusts usage by `delta` (an assumed reservation before the ledger confirms it). */
  addAllocations(deviceId: string, delta: number): void {
    this.setAllocations(deviceId, Math.max(0, this.allocationsOf(deviceId) + delta));
  }

  allocationsOf(deviceId: string): number {
    return this.allocations.get(deviceId) ?? 0;
  }

  device(deviceId: string): DeviceRecord | undefined {
    return this.devices.get(deviceId);
  }

  host(hostId: string): HostRecord | undefined {
    return this.hostsById.get(hostId);
  }

  /** The route the index keeps from a host to a device, if the host reaches it. */
  route(hostId: string, deviceId: string): RouteRecord | undefined {
    return this.routesByHost.get(hostId)?.get(deviceId);
  }

  /** Every host, in id order. */
  hosts(): readonly HostRecord[] {
    this.sortedHosts ??= [...this.hostsById.values()].sort((a, b) => compareIds(a.id, b.id));
    return this.sortedHosts;
  }

  /** The devices of one kind a host reaches, in device id order. */
  reachable(hostId: string, kind: DeviceKind): Candidate[] {
    const ids = [...(this.reachableByKind.get(hostId)?.get(kind) ?? [])].sort(compareIds);
    const routes = this.routesByHost.get(hostId);
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const device = this.devices.get(id);
      const route = routes?.get(id);
      if (device && route) candidates.push({ device, route, allocations: this.allocationsOf(id) });
    }
    return candidates;
  }

  /** The share (0..1) of an enclosure's known devices that some composition holds. */
  enclosureUtilization(enclosureId: string): number {
    const usage = this.enclosures.get(enclosureId);
    return usage && usage.devices > 0 ? usage.inUse / usage.devices : 0;
  }

  /** The share (0..1) of the known devices a host reaches that some composition holds. */
  reachableUtilization(hostId: string): number {
    let known = 0;
    let inUse = 0;
    for (const deviceId of this.routesByHost.get(hostId)?.keys() ?? []) {
      if (!this.devices.has(deviceId)) continue;
      known += 1;
      if (this.allocationsOf(deviceId) > 0) inUse += 1;
    }
    return known > 0 ? inUse / known : 0;
  }

  private forgetDevice(device: DeviceRecord): void {
    this.countInEnclosure(device, -1);
    for (const hostId of this.hostsReaching.get(device.id) ?? []) {
      this.reachableByKind.get(hostId)?.get(device.kind)?.delete(device.id);
    }
  }

  private kindBucket(hostId: string, kind: DeviceKind): Set<string> {
    let byKind = this.reachableByKind.get(hostId);
    if (!byKind) this.reachableByKind.set(hostId, (byKind = new Map<DeviceKind, Set<string>>()));
    let bucket = byKind.get(kind);
    if (!bucket) byKind.set(kind, (bucket = new Set()));
    return bucket;
  }

  private countInEnclosure(device: DeviceRecord, sign: 1 | -1): void {
    if (device.enclosureId === undefined) return;
    const usage = this.enclosureUsage(device.enclosureId);
    usage.devices += sign;
    if (this.allocationsOf(device.id) > 0) usage.inUse += sign;
  }

  private countInUse(device: DeviceRecord, sign: 1 | -1): void {
    if (device.enclosureId === undefined) return;
    this.enclosureUsage(device.enclosureId).inUse += sign;
  }

  private enclosureUsage(enclosureId: string): EnclosureUsage {
    let usage = this.enclosures.get(enclosureId);
    if (!usage) this.enclosures.set(enclosureId, (usage = { devices: 0, inUse: 0 }));
    return usage;
  }
}
