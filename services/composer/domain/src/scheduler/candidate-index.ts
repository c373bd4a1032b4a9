import { CandidateLists } from './candidate-lists.js';
import { DeviceUsage } from './device-usage.js';
import { UsageTally } from './usage-tally.js';
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
  /** The fabric the route crosses (`local` for a device inside the host), when known. */
  readonly fabricId?: string;
}

/** A device seen from one host: what it is, how the host reaches it, how many hold it now. */
export interface Candidate {
  readonly device: DeviceRecord;
  readonly route: RouteRecord;
  readonly allocations: number;
}

/**
 * A candidate in a kept list: its usage is read from the device's cell, so a change of usage
 * reaches every list that shows the device at once, without touching the lists.
 */
class ListedCandidate implements Candidate {
  constructor(
    readonly device: DeviceRecord,
    readonly route: RouteRecord,
    private readonly usage: DeviceUsage,
  ) {}

  get allocations(): number {
    return this.usage.allocations;
  }
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
  /** Device id → how many compositions hold it; the cells are shared by the kept lists. */
  private readonly allocations = new Map<string, DeviceUsage>();
  private readonly hostsById = new Map<string, HostRecord>();
  private sortedHosts: readonly HostRecord[] | undefined;
  private readonly routesByHost = new Map<string, Map<string, RouteRecord>>();
  private readonly hostsReaching = new Map<string, Set<string>>();
  private readonly reachableByKind = new Map<string, Map<DeviceKind, Set<string>>>();
  private enclosures = new UsageTally();
  private hostUsage = new UsageTally();
  private readonly candidateLists = new CandidateLists();
  private searchOffset = 0;

  /**
   * An independent copy: what-if questions (capacity, lease admission) assume placements in the
   * copy without touching the live index. Records are immutable and shared; the maps are copied.
   */
  clone(): CandidateIndex {
    const copy = new CandidateIndex();
    for (const [id, device] of this.devices) copy.devices.set(id, device);
    for (const [id, usage] of this.allocations) copy.allocations.set(id, usage.copy());
    for (const [id, host] of this.hostsById) copy.hostsById.set(id, host);
    for (const [hostId, routes] of this.routesByHost)
      copy.routesByHost.set(hostId, new Map(routes));
    for (const [deviceId, hosts] of this.hostsReaching)
      copy.hostsReaching.set(deviceId, new Set(hosts));
    for (const [hostId, byKind] of this.reachableByKind) {
      const kinds = new Map<DeviceKind, Set<string>>();
      for (const [kind, ids] of byKind) kinds.set(kind, new Set(ids));
      copy.reachableByKind.set(hostId, kinds);
    }
    copy.enclosures = this.enclosures.clone();
    copy.hostUsage = this.hostUsage.clone();
    copy.searchOffset = this.searchOffset;
    return copy;
  }

  upsertDevice(device: DeviceRecord): void {
    const previous = this.devices.get(device.id);
    if (previous) this.forgetDevice(previous);
    this.devices.set(device.id, device);
    this.forgetListsOf(device.id);
    this.countDevice(device, 1);
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
    this.forgetListsOf(deviceId);
  }

  upsertHost(host: HostRecord): void {
    this.hostsById.set(host.id, host);
    this.sortedHosts = undefined;
  }

  removeHost(hostId: string): void {
    this.setRoutes(hostId, []);
    this.hostUsage.delete(hostId);
    this.hostsById.delete(hostId);
    this.sortedHosts = undefined;
  }

  /** Replaces every route of a host. Of several routes to one device, the shortest is kept. */
  setRoutes(hostId: string, routes: readonly RouteRecord[]): void {
    for (const deviceId of this.routesByHost.get(hostId)?.keys() ?? []) {
      this.hostsReaching.get(deviceId)?.delete(hostId);
    }
    this.reachableByKind.delete(hostId);
    this.candidateLists.forgetHost(hostId);
    const kept = new Map<string, RouteRecord>();
    for (const route of routes) {
      const incumbent = kept.get(route.deviceId);
      if (!incumbent || route.hops < incumbent.hops) kept.set(route.deviceId, route);
    }
    this.routesByHost.set(hostId, kept);
    let known = 0;
    let inUse = 0;
    for (const deviceId of kept.keys()) {
      let hosts = this.hostsReaching.get(deviceId);
      if (!hosts) this.hostsReaching.set(deviceId, (hosts = new Set()));
      hosts.add(hostId);
      const device = this.devices.get(deviceId);
      if (!device) continue;
      this.kindBucket(hostId, device.kind).add(deviceId);
      known += 1;
      if (this.allocationsOf(deviceId) > 0) inUse += 1;
    }
    this.hostUsage.reset(hostId, known, inUse);
  }

  /**
   * A copy for a question about a window (capacity, lease admission): devices promised to leases
   * carry their real count, and the caller takes out those promised during its window.
   */
  withoutLeasePromises(): CandidateIndex {
    const copy = this.clone();
    for (const [deviceId, usage] of copy.allocations) {
      if (usage.promisedFull !== undefined) copy.changeUsage(deviceId, usage.used, undefined);
    }
    return copy;
  }

  /** How many compositions hold the device, as the ledger says. */
  setAllocations(deviceId: string, count: number): void {
    this.changeUsage(deviceId, count, this.allocations.get(deviceId)?.promisedFull);
  }

  /**
   * Whether a lease holds the device for a window that has not ended: while it does, the device
   * counts as full (`fullAt` compositions) for open-ended compositions. `undefined` lifts it.
   */
  setLeasePromise(deviceId: string, fullAt: number | undefined): void {
    this.changeUsage(deviceId, this.usedOf(deviceId), fullAt);
  }

  /** Adjusts usage by `delta` (an assumed reservation before the ledger confirms it). */
  addAllocations(deviceId: string, delta: number): void {
    this.setAllocations(deviceId, Math.max(0, this.usedOf(deviceId) + delta));
  }

  /** The count the scheduler sees: a device promised to a lease is full. */
  allocationsOf(deviceId: string): number {
    return this.allocations.get(deviceId)?.allocations ?? 0;
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

  /**
   * The devices of one kind a host reaches, in device id order, with their usage. The list is
   * the index's own (see CandidateLists): read it at once, never change or keep it.
   */
  reachable(hostId: string, kind: DeviceKind): readonly Candidate[] {
    const kept = this.candidateLists.get(hostId, kind);
    if (kept) return kept;
    // Without a comparator, strings sort by UTF-16 code units: the order `compareIds` gives.
    const ids = [...(this.reachableByKind.get(hostId)?.get(kind) ?? [])].sort();
    const routes = this.routesByHost.get(hostId);
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const device = this.devices.get(id);
      const route = routes?.get(id);
      if (device && route) candidates.push(new ListedCandidate(device, route, this.usageOf(id)));
    }
    this.candidateLists.keep(hostId, kind, candidates);
    return candidates;
  }

  /**
   * Builds every host's `reachable` lists now. After a rebuild at start this takes the sorting
   * off the first decisions on each host (a host that reaches an NVMe-oF pool sorts hundreds of
   * drives); lists dropped later by changes are built again when next asked for.
   */
  prepareLists(): void {
    for (const hostId of this.hostsById.keys()) {
      for (const kind of this.reachableByKind.get(hostId)?.keys() ?? [])
        this.reachable(hostId, kind);
    }
  }

  /**
   * Where a search over all hosts starts (an index into `hosts()`): after each decision it moves
   * past the hosts that decision examined, as the Kubernetes scheduler's next start node does,
   * so that a filling pool does not make every search walk the same full hosts first.
   */
  searchStart(hostCount: number): number {
    return hostCount > 0 ? this.searchOffset % hostCount : 0;
  }

  /** Moves the next search's start `examined` hosts further (see `searchStart`). */
  advanceSearch(examined: number): void {
    this.searchOffset += examined;
  }

  /** The share (0..1) of an enclosure's known devices that some composition holds. */
  enclosureUtilization(enclosureId: string): number {
    return this.enclosures.share(enclosureId);
  }

  /** The share (0..1) of the known devices a host reaches that some composition holds. */
  reachableUtilization(hostId: string): number {
    return this.hostUsage.share(hostId);
  }

  /** The device's usage cell, created at zero: kept lists read their usage from it. */
  private usageOf(deviceId: string): DeviceUsage {
    let usage = this.allocations.get(deviceId);
    if (!usage) this.allocations.set(deviceId, (usage = new DeviceUsage()));
    return usage;
  }

  /** The ledger's count alone, without lease promises. */
  private usedOf(deviceId: string): number {
    return this.allocations.get(deviceId)?.used ?? 0;
  }

  private changeUsage(deviceId: string, used: number, promisedFull: number | undefined): void {
    const usage = this.usageOf(deviceId);
    const before = usage.allocations;
    usage.used = used;
    usage.promisedFull = promisedFull;
    const after = usage.allocations;
    const device = this.devices.get(deviceId);
    if (device && before > 0 !== after > 0) this.countInUse(device, after > 0 ? 1 : -1);
  }

  /** Drops the kept `reachable` lists of every host that reaches the device. */
  private forgetListsOf(deviceId: string): void {
    this.candidateLists.forgetHosts(this.hostsReaching.get(deviceId) ?? []);
  }

  private forgetDevice(device: DeviceRecord): void {
    this.countDevice(device, -1);
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

  /** A device becomes known (1) or unknown (-1) to its enclosure and the hosts reaching it. */
  private countDevice(device: DeviceRecord, sign: 1 | -1): void {
    const inUse = this.allocationsOf(device.id) > 0 ? sign : 0;
    if (device.enclosureId !== undefined) this.enclosures.add(device.enclosureId, sign, inUse);
    for (const hostId of this.hostsReaching.get(device.id) ?? []) {
      this.hostUsage.add(hostId, sign, inUse);
    }
  }

  /** A known device starts (1) or stops (-1) being held by some composition. */
  private countInUse(device: DeviceRecord, sign: 1 | -1): void {
    if (device.enclosureId !== undefined) this.enclosures.add(device.enclosureId, 0, sign);
    for (const hostId of this.hostsReaching.get(device.id) ?? []) {
      this.hostUsage.add(hostId, 0, sign);
    }
  }
}
