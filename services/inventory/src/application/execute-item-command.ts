import {
  decideItem,
  type ItemCommand,
  type ItemFact,
  type ItemKind,
} from '@tessera/inventory-domain';
import type { CommandContext } from './ports/command-context.js';
import { type ItemRepository, VersionConflictError } from './ports/item-repository.js';

/** Attempts before a command that keeps meeting concurrent writers gives up. */
const maxAttempts = 20;
/** Upper bound of the random pause after the n-th conflict: n times this, at most 200 ms. */
const conflictBackoffStepMs = 5;

/**
 * Loads an item, decides the command and appends the facts with the version it read. When
 * another writer got there first the command is decided again on the new state (never merged
 * blindly), after a short random pause that spreads out writers racing for the same item; after
 * `maxAttempts` conflicts the last `VersionConflictError` is thrown.
 */
export async function executeItemCommand<K extends ItemKind>(
  repository: ItemRepository,
  kind: K,
  id: string,
  command: ItemCommand<K>,
  context: CommandContext,
): Promise<ItemFact<K>[]> {
  for (let attempt = 1; ; attempt += 1) {
    const { state, version } = await repository.load(kind, id);
    const facts = decideItem(kind, id, command, state);
    if (facts.length === 0) {
      return facts;
    }
    try {
      await repository.append(kind, id, facts, version, context);
      return facts;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) {
        throw error;
      }
      await pause(Math.random() * Math.min(200, attempt * conflictBackoffStepMs));
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
