import {
  absentComposition,
  type CompositionFact,
  type CompositionState,
  evolveComposition,
} from '@tessera/composer-domain';
import type { LoadedComposition } from '../../application/ports/composition-repository.js';

/**
 * The compositions this process wrote or read last, as it left them: the latest `capacity`,
 * the least recently used forgotten first. An entry can be stale (another replica or writer
 * appended since), so it only feeds decisions whose append checks the version: a stale entry
 * costs a `VersionConflictError` and a fresh load, never a wrong write.
 */
export class RecentCompositions {
  private readonly byId = new Map<string, LoadedComposition>();

  constructor(private readonly capacity: number) {}

  get(id: string): LoadedComposition | undefined {
    const entry = this.byId.get(id);
    if (entry !== undefined) this.remember(id, entry);
    return entry;
  }

  /** As loaded from the store. */
  remember(id: string, loaded: LoadedComposition): void {
    this.byId.delete(id);
    this.byId.set(id, loaded);
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next();
      if (oldest.done !== true) this.byId.delete(oldest.value);
    }
  }

  /**
   * After `facts` were appended at `expectedVersion`: the entry moves on when it was at that
   * version (0 for a new composition), and is forgotten otherwise.
   */
  appended(id: string, facts: readonly CompositionFact[], expectedVersion: number): void {
    const before: LoadedComposition | undefined =
      expectedVersion === 0 ? { state: absentComposition, version: 0 } : this.byId.get(id);
    if (before?.version !== expectedVersion) {
      this.byId.delete(id);
      return;
    }
    const state = facts.reduce<CompositionState>(evolveComposition, before.state);
    this.remember(id, { state, version: expectedVersion + facts.length });
  }

  forget(id: string): void {
    this.byId.delete(id);
  }
}
