import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CommandContext } from '../ports/command-context.js';
import { applyCommand } from './apply-command.js';

/**
 * Asks the host to attach every device a scheduled composition holds: the `AttachRequested`
 * intents go out through the outbox (keyed by host). Run right after scheduling; repeating it
 * changes nothing. Returns the number of intents appended.
 */
export async function startAttaching(
  deps: Pick<ComposeDeps, 'compositions' | 'clock'>,
  compositionId: string,
  context: CommandContext,
): Promise<number> {
  const facts = await applyCommand(deps, compositionId, { command: 'StartAttaching' }, context);
  return facts?.filter((fact) => fact.fact === 'AttachRequested').length ?? 0;
}
