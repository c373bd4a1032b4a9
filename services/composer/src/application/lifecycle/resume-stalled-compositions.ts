import { applyCommand } from '../attach/apply-command.js';
import { scheduleAndAttach } from '../attach/compose-and-attach.js';
import { startAttaching } from '../attach/start-attaching.handler.js';
import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CommandContext } from '../ports/command-context.js';
import type { StalledCompositions } from './stalled-compositions.js';

export interface ResumeStalledDeps extends ComposeDeps {
  readonly stalledCompositions: StalledCompositions;
}

/** What one pass did: compositions scheduled, attaches started, attaches given up. */
export interface ResumeReport {
  readonly scheduled: number;
  readonly attachesStarted: number;
  readonly attachesGivenUp: number;
}

/**
 * Takes the next step for compositions nobody carried on with (issue point 5, "nothing stays
 * stuck after a crash"): a composition `requested` for longer than `graceMs` is scheduled and
 * attached, one `scheduled` for that long gets its attach intents, an attach past its deadline
 * is given up (and rescheduled while attempts remain). Every step is idempotent, so a live
 * replica doing the same at once loses nothing: one of the two appends wins, the other finds
 * nothing left to do.
 */
export async function resumeStalledCompositions(
  deps: ResumeStalledDeps,
  graceMs: number,
  context: CommandContext,
): Promise<ResumeReport> {
  const now = deps.clock.now();
  const stepBefore = new Date(now.getTime() - graceMs);
  let scheduled = 0;
  let attachesStarted = 0;
  let attachesGivenUp = 0;
  for (const compositionId of await deps.stalledCompositions.stalled(stepBefore, now)) {
    const { state } = await deps.compositions.load(compositionId);
    switch (state.status) {
      case 'requested':
        if (
          ['scheduled', 'attaching'].includes(
            (await scheduleAndAttach(deps, compositionId, context)).status,
          )
        ) {
          scheduled += 1;
        }
        break;
      case 'scheduled':
        attachesStarted += (await startAttaching(deps, compositionId, context)) > 0 ? 1 : 0;
        break;
      case 'attaching':
      case 'expanding':
      case 'healing': {
        const facts = await applyCommand(
          deps,
          compositionId,
          { command: 'CheckDeadline' },
          context,
        );
        if (facts !== undefined && facts.length > 0) {
          attachesGivenUp += 1;
          if (facts.some((fact) => fact.fact === 'Rescheduling')) {
            await scheduleAndAttach(deps, compositionId, context);
          }
        }
        break;
      }
      case 'absent':
      case 'ready':
      case 'shrinking':
      case 'decomposing':
      case 'decomposed':
      case 'failed':
        break;
    }
  }
  return { scheduled, attachesStarted, attachesGivenUp };
}
