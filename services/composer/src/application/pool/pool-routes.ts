import type { scheduler } from '@tessera/composer-domain';
import {
  type FabricSpec,
  localFabric,
  type Route,
  routesOfFabric,
  sameJson,
} from '@tessera/hardware';

interface KnownFabric {
  readonly spec: FabricSpec;
  readonly routesByHost: ReadonlyMap<string, readonly scheduler.RouteRecord[]>;
}

/**
 * The routes of the pool, kept per fabric and per host so that a change recomputes only what it
 * touches: a fabric's spec change recomputes that fabric's routes (`routesOfFabric`) and names
 * the hosts it reaches before or after; a device moving into or out of a host names that host.
 * Routes name hosts and devices whether or not they are known (the index joins them).
 */
export class PoolRoutes {
  private readonly fabrics = new Map<string, KnownFabric>();
  private readonly localHostOf = new Map<string, string>();
  private readonly localDevices = new Map<string, Set<string>>();

  /** Sets (or, with `undefined`, drops) a fabric; returns the hosts whose routes changed. */
  setFabric(fabricId: string, spec: FabricSpec | undefined): Set<string> {
    const before = this.fabrics.get(fabricId);
    if (before && spec && (before.spec === spec || sameJson(before.spec, spec))) return new Set();
    const touched = new Set(before?.routesByHost.keys());
    if (!spec) {
      this.fabrics.delete(fabricId);
      return touched;
    }
    const routesByHost = groupByHost(routesOfFabric(spec));
    this.fabrics.set(fabricId, { spec, routesByHost });
    for (const hostId of routesByHost.keys()) touched.add(hostId);
    return touched;
  }

  /** Sets the host a device is local to (or none); returns the hosts whose routes changed. */
  setLocalHost(deviceId: string, hostId: string | undefined): Set<string> {
    const before = this.localHostOf.get(deviceId);
    if (before === hostId) return new Set();
    const touched = new Set<string>();
    if (before !== undefined) {
      this.localDevices.get(before)?.delete(deviceId);
      this.localHostOf.delete(deviceId);
      touched.add(before);
    }
    if (hostId !== undefined) {
      let devices = this.localDevices.get(hostId);
      if (!devices) this.localDevices.set(hostId, (devices = new Set()));
      devices.add(deviceId);
      this.localHostOf.set(deviceId, hostId);
      touched.add(hostId);
    }
    return touched;
  }

  /** The devices local to a host, as `setLocalHost` recorded them. */
  localDevicesOf(hostId: string): ReadonlySet<string> {
    return this.localDevices.get(hostId) ?? new Set();
  }

  /**
   * Every route of a host, nearest first (fewer hops, a local route before a fabric one, then
   * by fabric and device id), so that the index keeps the same route of several whatever the
   * order the fabrics arrived in.
   */
  routesOf(hostId: string): scheduler.RouteRecord[] {
    const routes: scheduler.RouteRecord[] = [];
    for (const deviceId of this.localDevices.get(hostId) ?? []) {
      routes.push({ deviceId, hops: 0, switchPath: [], fabricId: localFabric });
    }
    for (const fabric of this.fabrics.values()) {
      for (const route of fabric.routesByHost.get(hostId) ?? []) routes.push(route);
    }
    return routes.sort(nearestFirst);
  }
}

function groupByHost(routes: readonly Route[]): Map<string, scheduler.RouteRecord[]> {
  const byHost = new Map<string, scheduler.RouteRecord[]>();
  for (const { hostId, deviceId, hops, switchPath, fabricId } of routes) {
    let list = byHost.get(hostId);
    if (!list) byHost.set(hostId, (list = []));
    list.push({ deviceId, hops, switchPath, fabricId });
  }
  return byHost;
}

function nearestFirst(a: scheduler.RouteRecord, b: scheduler.RouteRecord): number {
  return (
    a.hops - b.hops ||
    Number(a.fabricId !== localFabric) - Number(b.fabricId !== localFabric) ||
    compare(a.fabricId ?? '', b.fabricId ?? '') ||
    compare(a.deviceId, b.deviceId)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
