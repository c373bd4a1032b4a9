import { type Composition, CompositionNotFoundError } from '@tessera/composer-domain';
import { applyCommand } from '../attach/apply-command.js';
import type { ComposeDeps } from '../compose/compose-deps.js';
import { outcomeOf } from '../compose/composition-outcome.js';
import type { CompositionOutcome } from '../compose/request-composition.command.js';
import type { CommandContext } from '../ports/command-context.js';
import type { ShrinkCompositionCommand } from './lifecycle.command.js';

/**
 * Detaches some devices of a ready composition (ARCHITECTURE.md, "Composition lifecycle":
 * Shrink): the detach intents go out at once; the ledger releases each device only when its
 * detach is observed, and `Shrunk` follows the last one. A device the composition does not have
 * attached, no device, or all of them throw `InvalidCompositionCommandError` naming it; a
 * composition that is not ready `InvalidTransitionError`; then nothing is stored. The same
 * shrink asked again while it runs changes nothing.
 */
export async function shrinkComposition(
  deps: ComposeDeps,
  command: ShrinkCompositionCommand,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const facts = await applyCommand(
    deps,
    command.compositionId,
    { command: 'Shrink', deviceIds: command.deviceIds },
    context,
  );
  if (facts === undefined) {
    throw new CompositionNotFoundError('Shrink');
  }
  return currentOutcome(deps, command.compositionId);
}

export async function currentOutcome(
  deps: Pick<ComposeDeps, 'compositions'>,
  compositionId: string,
): Promise<CompositionOutcome> {
  const { state } = await deps.compositions.load(compositionId);
  return outcomeOf(state as Composition);
}
