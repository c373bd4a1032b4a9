import { randomUUID } from 'node:crypto';
import {
  type AppendOptions,
  ConcurrencyError,
  type EventEnvelope,
  type EventStore,
  type NewEvent,
  StreamNotFoundError,
} from '@tessera/event-store';
import {
  absentItem,
  evolveItem,
  type ItemFact,
  type ItemKind,
  type ItemState,
  itemEventOf,
  itemEventSchemaVersion,
  itemFactOf,
  itemStreamId,
} from '@tessera/inventory-domain';
import type { CommandContext } from '../../application/ports/command-context.js';
import {
  type ItemAppend,
  type ItemRepository,
  type LoadedItem,
  VersionConflictError,
} from '../../application/ports/item-repository.js';

/** Items as event streams in the inventory's store: `device-<id>`, `host-<id>`, ... */
export class EventStoreItemRepository implements ItemRepository {
  constructor(private readonly store: EventStore) {}

  async load<K extends ItemKind>(kind: K, id: string): Promise<LoadedItem<K>> {
    try {
      const { version, events } = await this.store.readStream(itemStreamId(kind, id));
      return { state: foldItem<K>(events), version };
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        return absent<K>();
      }
      throw error;
    }
  }

  async loadMany<K extends ItemKind>(
    kind: K,
    ids: readonly string[],
  ): Promise<Map<string, LoadedItem<K>>> {
    const streams = await this.store.readStreams(ids.map((id) => itemStreamId(kind, id)));
    return new Map(
      ids.map((id) => {
        const stream = streams.get(itemStreamId(kind, id));
        return [
          id,
          stream ? { state: foldItem<K>(stream.events), version: stream.version } : absent<K>(),
        ];
      }),
    );
  }

  async appendMany(entries: readonly ItemAppend[], context: CommandContext): Promise<void> {
    try {
      await this.store.appendMany(
        entries.map((entry) => ({
          streamId: itemStreamId(entry.kind, entry.id),
          events: newEvents(entry),
          expectedVersion: entry.expectedVersion,
        })),
        appendMetadata(context),
      );
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw new VersionConflictError(error.streamId, { cause: error });
      }
      throw error;
    }
  }

  async append<K extends ItemKind>(
    kind: K,
    id: string,
    facts: readonly ItemFact<K>[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void> {
    const streamId = itemStreamId(kind, id);
    try {
      await this.store.append(streamId, newEvents({ kind, id, facts }), {
        ...appendMetadata(context),
        expectedVersion,
      });
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw new VersionConflictError(streamId, { cause: error });
      }
      throw error;
    }
  }
}

function newEvents<K extends ItemKind>(
  entry: Pick<ItemAppend<K>, 'kind' | 'id' | 'facts'>,
): NewEvent[] {
  return entry.facts.map((fact) => ({
    id: randomUUID(),
    schemaVersion: itemEventSchemaVersion,
    ...itemEventOf(entry.kind, entry.id, fact),
  }));
}

function appendMetadata(context: CommandContext): Omit<AppendOptions, 'expectedVersion'> {
  return {
    correlationId: context.correlationId,
    actor: context.actor,
    causationId: context.causationId ?? null,
    tenant: context.tenant ?? null,
  };
}

function foldItem<K extends ItemKind>(events: readonly EventEnvelope[]): ItemState<K> {
  let state: ItemState<K> = absentItem;
  for (const event of events) {
    const stored = itemFactOf({ type: event.type, data: event.data as { id: string } });
    if (stored) state = evolveItem(state, stored.fact as ItemFact<K>);
  }
  return state;
}

function absent<K extends ItemKind>(): LoadedItem<K> {
  return { state: absentItem, version: 0 };
}
