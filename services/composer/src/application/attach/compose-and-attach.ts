import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CompositionOutcome } from '../compose/request-composition.command.js';
import { scheduleComposition } from '../compose/schedule-composition.js';
import type { CommandContext } from '../ports/command-context.js';
import { startAttaching } from './start-attaching.handler.js';

/**
 * Schedules a requested composition and, once it is scheduled, starts attaching it. The follow-up
 * step after `requestComposition` and after every `Rescheduling`: scheduling stays a use case of
 * its own, and attaching starts only from a committed schedule.
 */
export async function scheduleAndAttach(
  deps: ComposeDeps,
  compositionId: string,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const outcome = await scheduleComposition(deps, compositionId, context);
  if (outcome.status === 'scheduled') {
    await startAttaching(deps, compositionId, context);
  }
  return outcome;
}
