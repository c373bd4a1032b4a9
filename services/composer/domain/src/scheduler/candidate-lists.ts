import type { Candidate } from './candidate-index.js';
import type { DeviceKind } from './scheduling-request.js';

/**
 * The `CandidateIndex.reachable` answers kept per host and kind. A list is dropped when a device
 * or route it shows changes; usage is not in the lists (their candidates read it from the
 * index's per-device cells), so a decision that assumes devices does not make the next one sort
 * every list again. A list handed out is only good until the index changes.
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
}
