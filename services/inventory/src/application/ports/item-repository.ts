import { TesseraError } from '@tessera/errors';
import type { ItemFact, ItemKind, ItemState } from '@tessera/inventory-domain';
import type { CommandContext } from './command-context.js';

/** An item as last stored, with the version to expect when appending to it (0: never stored). */
export interface LoadedItem<K extends ItemKind> {
  readonly state: ItemState<K>;
  readonly version: number;
}

/** Where items' facts are kept (the inventory's event store). */
export interface ItemRepository {
  load<K extends ItemKind>(kind: K, id: string): Promise<LoadedItem<K>>;
  /** Several items of one kind at once (an import's worth); every id gets an entry. */
  loadMany<K extends ItemKind>(
    kind: K,
    ids: readonly string[],
  ): Promise<Map<string, LoadedItem<K>>>;
  /**
   * Appends facts to several items in one transaction, all or nothing: when any item moved past
   * its expected version, throws `VersionConflictError` and appends nothing.
   */
  appendMany(entries: readonly ItemAppend[], context: CommandContext): Promise<void>;
  /**
   * Appends facts if the item is still at `expectedVersion`; otherwise throws
   * `VersionConflictError` and appends nothing.
   */
  append<K extends ItemKind>(
    kind: K,
    id: string,
    facts: readonly ItemFact<K>[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void>;
}

export interface ItemAppend<K extends ItemKind = ItemKind> {
  readonly kind: K;
  readonly id: string;
  readonly facts: readonly ItemFact<K>[];
  readonly expectedVersion: number;
}

export class VersionConflictError extends TesseraError<'CONCURRENCY_CONFLICT'> {
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(streamId: string, options?: ErrorOptions) {
    super(`${streamId} changed while the command was decided`, options);
  }
}

export const itemRepositoryToken = Symbol('ItemRepository');
