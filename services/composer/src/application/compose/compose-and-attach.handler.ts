import { startAttaching } from '../attach/start-attaching.handler.js';
import type { CommandContext } from '../ports/command-context.js';
import { applyReservation } from '../reserve/apply-reservation.handler.js';
import type {
  ApplyReservationCommand,
  ReserveDeps,
} from '../reserve/reserve-composition.command.js';
import type {
  CompositionOutcome,
  RequestCompositionCommand,
} from './request-composition.command.js';
import { requestComposition } from './request-composition.handler.js';

/** A composition to create from a spec, or from the devices a reservation holds. */
export type ComposeAndAttachCommand =
  | ({ readonly from: 'spec' } & RequestCompositionCommand)
  | ({ readonly from: 'reservation' } & ApplyReservationCommand);

/**
 * Creates a composition (`requestComposition` or `applyReservation`, with their errors) and, when
 * it is scheduled, starts its attach at once: the outcome then says `attaching`. A retried
 * command finds the composition it created and answers where it stands.
 */
export async function composeAndAttach(
  deps: ReserveDeps,
  command: ComposeAndAttachCommand,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const outcome =
    command.from === 'spec'
      ? await requestComposition(deps, command, context)
      : await applyReservation(deps, command, context);
  if (outcome.status !== 'scheduled') {
    return outcome;
  }
  const intents = await startAttaching(deps, outcome.compositionId, context);
  return intents > 0 ? { ...outcome, status: 'attaching' } : outcome;
}
