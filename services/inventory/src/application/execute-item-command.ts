import {
  decideItem,
  type ItemCommand,
  type ItemFact,
  type ItemKind,
} from '@tessera/inventory-domain';
import type { CommandContext } from './ports/command-context.js';
import type { ItemRepository } from './ports/item-repository.js';
import { decideAndAppend } from './shared/decide-and-append.js';

/**
 * Runs a command on an item: decided on its stored state and appended with the version read,
 * decided again after a concurrent change (up to 20 times, with a short random pause).
 */
export function executeItemCommand<K extends ItemKind>(
  repository: ItemRepository,
  kind: K,
  id: string,
  command: ItemCommand<K>,
  context: CommandContext,
): Promise<ItemFact<K>[]> {
  return decideAndAppend({
    load: () => repository.load(kind, id),
    decide: (state) => decideItem(kind, id, command, state),
    append: (facts, version) => repository.append(kind, id, facts, version, context),
    maxAttempts: 20,
    conflictBackoffStepMs: 5,
  });
}
