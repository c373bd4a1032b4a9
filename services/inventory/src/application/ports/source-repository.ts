import type { SourceFact, SourceState } from '@tessera/inventory-domain';
import type { CommandContext } from './command-context.js';

/** Discovery sources as event streams (`source-<id>`). */
export interface SourceRepository {
  load(id: string): Promise<{ state: SourceState; version: number }>;
  /** Throws `VersionConflictError` when the source moved past `expectedVersion`. */
  append(
    id: string,
    facts: readonly SourceFact[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void>;
}

/** A source's credentials: kept apart from its events (which are kept forever and published). */
export interface SourceCredentials {
  save(id: string, credentials: RedfishCredentials): Promise<void>;
  find(id: string): Promise<RedfishCredentials | undefined>;
  remove(id: string): Promise<void>;
}

export interface RedfishCredentials {
  readonly username: string;
  readonly password: string;
}
