import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type EventStore, StreamNotFoundError } from '@tessera/event-store';
import {
  absentSource,
  evolveSource,
  type SourceFact,
  type SourceState,
  sourceEventOf,
  sourceFactOf,
  sourceStreamId,
} from '@tessera/inventory-domain';
import type { CommandContext } from '../../application/ports/command-context.js';
import { VersionConflictError } from '../../application/ports/item-repository.js';
import type { SourceRepository } from '../../application/ports/source-repository.js';

export class EventStoreSourceRepository implements SourceRepository {
  constructor(private readonly store: EventStore) {}

  async load(id: string): Promise<{ state: SourceState; version: number }> {
    try {
      const { version, events } = await this.store.readStream(sourceStreamId(id));
      const state = events.reduce<SourceState>((current, event) => {
        const stored = sourceFactOf({
          type: event.type,
          data: event.data as Record<string, unknown>,
        });
        return stored ? evolveSource(current, stored.fact) : current;
      }, absentSource);
      return { state, version };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { state: absentSource, version: 0 };
      throw error;
    }
  }

  async append(
    id: string,
    facts: readonly SourceFact[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void> {
    const streamId = sourceStreamId(id);
    try {
      await this.store.append(
        streamId,
        facts.map((fact) => ({ id: randomUUID(), schemaVersion: 1, ...sourceEventOf(id, fact) })),
        {
          expectedVersion,
          correlationId: context.correlationId,
          actor: context.actor,
          causationId: context.causationId ?? null,
          tenant: context.tenant ?? null,
        },
      );
    } catch (error) {
      if (error instanceof ConcurrencyError)
        throw new VersionConflictError(streamId, { cause: error });
      throw error;
    }
  }
}
