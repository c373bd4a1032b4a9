import type { ItemCommand, ItemFact } from '@tessera/inventory-domain';
import { executeItemCommand } from '../execute-item-command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { ItemRepository } from '../ports/item-repository.js';
import type { OperateItemCommand, OperatorAction } from './operate-item.command.js';

/** Runs an operator's action on an item; returns the facts it caused (none when nothing changed). */
export function operateItem(
  repository: ItemRepository,
  command: OperateItemCommand,
  context: CommandContext,
): Promise<ItemFact[]> {
  return executeItemCommand(
    repository,
    command.kind,
    command.id,
    itemCommandFor(command.operation),
    context,
  );
}

function itemCommandFor(operation: OperatorAction): ItemCommand {
  switch (operation.action) {
    case 'cordon':
      return { command: 'Cordon', reason: operation.reason };
    case 'uncordon':
      return { command: 'Uncordon', reason: operation.reason };
    case 'retire':
      return { command: 'Retire', reason: operation.reason };
    case 'set-labels':
      return { command: 'SetLabels', labels: operation.labels };
    case 'set-health':
      return { command: 'SetHealth', health: operation.health, reason: operation.reason };
  }
}
