import { CompositionNotFoundError } from '@tessera/composer-domain';
import { applyCommand } from '../attach/apply-command.js';
import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CompositionOutcome } from '../compose/request-composition.command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { DecomposeCompositionCommand } from './lifecycle.command.js';
import { currentOutcome } from './shrink-composition.handler.js';

/**
 * Gives a composition back, from any state (ARCHITECTURE.md, "Composition lifecycle"):
 * detaches what is on its host; the ledger releases each device when its detach is observed and
 * the composition is `decomposed` once the last one is (at once when nothing is on the host).
 * Idempotent: asking again while decomposing, or once decomposed, changes nothing. An empty
 * reason throws `InvalidCompositionCommandError`; an unknown composition
 * `CompositionNotFoundError`.
 */
export async function decomposeComposition(
  deps: ComposeDeps,
  command: DecomposeCompositionCommand,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const facts = await applyCommand(
    deps,
    command.compositionId,
    { command: 'Decompose', reason: command.reason, requestedBy: context.actor },
    context,
  );
  if (facts === undefined) {
    throw new CompositionNotFoundError('Decompose');
  }
  return currentOutcome(deps, command.compositionId);
}
