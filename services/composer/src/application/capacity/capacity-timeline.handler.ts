import { capacityByKind, InvalidCapacityQuestionError } from '@tessera/composer-domain';
import type { ComposeDeps } from '../compose/compose-deps.js';
import { checkWindow } from './capacity-for.handler.js';
import type { CapacityStep, CapacityTimelineQuery } from './capacity.query.js';
import type { PromisedDevices } from './promised-devices.js';

/** More steps than this is a chart no planner reads: ask for a longer step. */
export const maxTimelineSteps = 1000;
const minStepMs = 60_000;

/**
 * Free and committed capacity per device kind over [start, end), step by step (the last step
 * ends at `end`): committed = in use now + promised (to leases) at some moment of the step;
 * free = schedulable and neither. Throws `InvalidCapacityQuestionError` for a bad window or step.
 */
export async function capacityTimeline(
  deps: Pick<ComposeDeps, 'candidates'> & { readonly promised: PromisedDevices },
  query: CapacityTimelineQuery,
): Promise<CapacityStep[]> {
  checkWindow(query);
  const { start, end, stepMs } = query;
  if (!Number.isInteger(stepMs) || stepMs < minStepMs) {
    throw new InvalidCapacityQuestionError(
      'stepMs',
      `must be a whole number of at least ${minStepMs}`,
    );
  }
  const steps = Math.ceil((end.getTime() - start.getTime()) / stepMs);
  if (steps > maxTimelineSteps) {
    throw new InvalidCapacityQuestionError(
      'stepMs',
      `gives ${steps} steps, more than ${maxTimelineSteps}`,
    );
  }
  const index = (await deps.candidates()).withoutLeasePromises();
  const timeline: CapacityStep[] = [];
  for (let at = 0; at < steps; at += 1) {
    const stepStart = new Date(start.getTime() + at * stepMs);
    const stepEnd = new Date(Math.min(end.getTime(), stepStart.getTime() + stepMs));
    const promised = await deps.promised.promisedDuring(stepStart, stepEnd);
    timeline.push({
      start: stepStart,
      end: stepEnd,
      kinds: capacityByKind(index, promised).map(
        ({ kind, total, free, inUse, promised: held }) => ({
          kind,
          total,
          free,
          committed: inUse + held,
        }),
      ),
    });
  }
  return timeline;
}
