import type { Candidate, DeviceRecord } from './candidate-index.js';
import { compareIds, type DeviceKind } from './scheduling-request.js';

/**
 * The `CandidateIndex.reachable` answers kept per host and kind. A list is dropped when a device
 * or route it shows changes; a device's usage is written into the lists that show it in place
 * (a binary search by id), so a decision that assumes devices does not make the next one sort
 * every list again. A list handed out is therefore only good until the index changes.
 */
export class CandidateLists {
  private readonly lists = new Map<string, Map<DeviceKind, Candidate[]>>();

  get(hostId: string, kind: DeviceKind): readonly Candidate[] | undefined {
    return this.lists.get(hostId)?.get(kind);
  }

  keep(hostId: string, kind: DeviceKind, candidates: Candidate[]): void {
    let byKind = this.lists.get(hostId);
    if (!byKind) this.lists.set(hostId, (byKind = new Map<DeviceKind, Candidate[]>()));
    byKind.set(kind, candidates);
  }

  forgetHost(hostId: string): void {
    this.lists.delete(hostId);
  }

  forgetHosts(hostIds: Iterable<string>): void {
    for (const hostId of hostIds) this.lists.delete(hostId);
  }

  updateUsage(hostIds: Iterable<string>, device: DeviceRecord, allocations: number): void {
    for (const hostId of hostIds) {
      const list = this.lists.get(hostId)?.get(device.kind);
      if (!list) continue;
      const at = positionOf(list, device.id);
      const current = list[at];
      if (current?.device.id === device.id) list[at] = { ...current, allocations };
    }
  }
}

/** Where `id` is (or would go) in a list sorted by device id. */
function positionOf(list: readonly Candidate[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const candidate = list[middle];
    if (candidate && compareIds(candidate.device.id, id) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
