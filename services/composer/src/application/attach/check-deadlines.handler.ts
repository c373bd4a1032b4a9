import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CommandContext } from '../ports/command-context.js';
import { applyCommand } from './apply-command.js';
import { scheduleAndAttach } from './compose-and-attach.js';
import type { DueAttaches } from './due-attaches.js';

export interface CheckDeadlinesDeps extends ComposeDeps {
  readonly dueAttaches: DueAttaches;
}

/**
 * Gives up every attach whose deadline has passed at `now`: the aggregate rolls it back and
 * either reschedules (then this schedules and attaches again) or fails the composition. A
 * composition whose attach finished meanwhile changes nothing. Returns how many were given up.
 */
export async function checkDeadlines(
  deps: CheckDeadlinesDeps,
  now: Date,
  context: CommandContext,
): Promise<number> {
  let givenUp = 0;
  for (const compositionId of await deps.dueAttaches.compositionsPastDeadline(now)) {
    const facts = await applyCommand(
      { compositions: deps.compositions, candidates: deps.candidates, clock: { now: () => now } },
      compositionId,
      { command: 'CheckDeadline' },
      context,
    );
    if (facts === undefined || facts.length === 0) {
      continue;
    }
    givenUp += 1;
    if (facts.some((fact) => fact.fact === 'Rescheduling')) {
      await scheduleAndAttach(deps, compositionId, context);
    }
  }
  return givenUp;
}
