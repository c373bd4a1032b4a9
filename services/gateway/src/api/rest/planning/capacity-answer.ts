import { composer } from '@tessera/contracts';
import { enumName } from '../enum-names.js';

/**
 * A capacity answer as the API gives it. Counts are always present (proto3 JSON would leave
 * out a 0, and "0 fit" is the answer a planner most needs to read).
 */
export interface CapacityAnswer {
  /** `Answered`, or `Error` (a scheduler plugin could not decide: `reason`). */
  readonly outcome: string;
  readonly fits: number;
  readonly wanted: number;
  readonly enough: boolean;
  /** Where each composition that fits would go now, in the order they were placed. */
  readonly placements: readonly composer.Placement[];
  /** Why one more does not fit; absent when counting stopped at the limit. */
  readonly shortage: composer.CapacityShortage | undefined;
  readonly reason: string | undefined;
}

export interface CapacityTimeline {
  readonly steps: readonly {
    readonly start: string | undefined;
    readonly end: string | undefined;
    readonly kinds: readonly composer.KindCapacity[];
  }[];
}

export function capacityAnswer(answer: composer.GetCapacityResponse): CapacityAnswer {
  return {
    outcome: enumName(
      composer.capacityOutcomeToJSON(answer.outcome),
      'CAPACITY_OUTCOME_',
      'pascal',
    ),
    fits: answer.fits,
    wanted: answer.wanted,
    enough: answer.enough,
    placements: answer.placements.map(({ hostId, groups }) => ({ hostId, groups })),
    shortage:
      answer.shortage === undefined
        ? undefined
        : {
            reason: answer.shortage.reason,
            unschedulableGroups: answer.shortage.unschedulableGroups,
            groups: answer.shortage.groups.map((group) => ({ ...group })),
          },
    reason: answer.reason === '' ? undefined : answer.reason,
  };
}

export function capacityTimeline(answer: composer.GetCapacityTimelineResponse): CapacityTimeline {
  return {
    steps: answer.steps.map((step) => ({
      start: step.start,
      end: step.end,
      kinds: step.kinds.map(({ kind, total, free, committed }) => ({
        kind,
        total,
        free,
        committed,
      })),
    })),
  };
}
