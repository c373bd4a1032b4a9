import { type CandidateIndex, type Decision, preview } from '../scheduler/index.js';
import { AssumedUsage } from './assumed-usage.js';
import { InvalidCapacityQuestionError } from './capacity-errors.js';
import { type CapacityAnswer, type CapacityQuestion, maxCapacityLimit } from './capacity-types.js';
import { shortageOf } from './group-shortage.js';
import { excludeDevices } from './usable-devices.js';

/**
 * How many compositions of one request fit at once, found by really scheduling them one after
 * another on a scratch copy of the index: each placement is assumed (its devices counted as
 * held) before the next is chosen, exactly as consecutive requests would be; combinations are
 * never enumerated. Counting stops at the limit or at the first that does not fit, whose
 * explanation becomes the shortage. Tenant quotas count the assumed placements too. Lease
 * promises count only through `unavailable` (the devices promised during the window asked
 * about), not as the live index keeps them. The live index is never touched.
 */
export function capacityOf(index: CandidateIndex, question: CapacityQuestion): CapacityAnswer {
  const limit = checkedLimit(question);
  const scratch = index.withoutLeasePromises();
  excludeDevices(scratch, question.unavailable ?? new Set());
  const usage = new AssumedUsage(question.request.tenant, question.config);
  const placements: Decision[] = [];
  while (placements.length < limit) {
    const outcome = preview(question.request, scratch, usage.config(), question.registry);
    switch (outcome.outcome) {
      case 'error':
        return outcome;
      case 'scheduled':
        for (const group of outcome.groups) {
          for (const deviceId of group.deviceIds) scratch.addAllocations(deviceId, 1);
        }
        placements.push({ hostId: outcome.hostId, groups: outcome.groups });
        usage.add(outcome, scratch);
        continue;
      case 'unschedulable':
        return {
          ...answered(question, placements),
          shortage: shortageOf({ ...question, config: usage.config() }, scratch, outcome),
        };
    }
  }
  return answered(question, placements);
}

function answered(
  question: CapacityQuestion,
  placements: readonly Decision[],
): Extract<CapacityAnswer, { outcome: 'answered' }> {
  return {
    outcome: 'answered',
    fits: placements.length,
    wanted: question.wanted,
    enough: placements.length >= question.wanted,
    placements,
  };
}

function checkedLimit(question: CapacityQuestion): number {
  const { wanted } = question;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > maxCapacityLimit) {
    throw new InvalidCapacityQuestionError(
      'wanted',
      `must be an integer from 1 to ${maxCapacityLimit}`,
    );
  }
  const limit = question.limit ?? wanted;
  if (!Number.isInteger(limit) || limit < wanted || limit > maxCapacityLimit) {
    throw new InvalidCapacityQuestionError(
      'limit',
      `must be an integer from wanted (${wanted}) to ${maxCapacityLimit}`,
    );
  }
  return limit;
}
