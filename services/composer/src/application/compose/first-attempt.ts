import {
  type Composition,
  type CompositionFact,
  decideComposition,
  scheduler,
} from '@tessera/composer-domain';
import { scheduleAvoiding } from '../lifecycle/schedule-avoiding.js';
import { type DeviceReservation, DevicesTakenError } from '../ports/allocation-ledger.js';
import { type ComposeDeps, pluginRegistryOf, schedulerConfigOf } from './compose-deps.js';
import { placementOf } from './placement.js';
import type { CompositionOutcome } from './request-composition.command.js';
import { schedulingRequestOf, unschedulableGroupsOf } from './scheduling-request-of.js';

/**
 * The first scheduling attempt of a composition that is not stored yet, decided in memory so
 * that its `Requested` facts, what scheduling decided (`Scheduled` with the ledger's
 * reservation, or `Failed`) commit in one transaction. When that transaction does not commit,
 * `undo` gives the index back what the decision assumed, and `refused` tells the index which
 * devices the ledger refused.
 */
export interface FirstAttempt {
  readonly facts: readonly CompositionFact[];
  readonly reservation?: DeviceReservation;
  readonly outcome: CompositionOutcome;
  undo(): void;
  refused(error: unknown): void;
}

/** Undefined when a scheduler plugin could not decide: the stored path records why. */
export async function firstAttempt(
  deps: ComposeDeps,
  composition: Composition,
): Promise<FirstAttempt | undefined> {
  const request = schedulingRequestOf(composition.spec);
  const index = await deps.candidates();
  const config = schedulerConfigOf(deps);
  const registry = pluginRegistryOf(deps);
  const decision = scheduleAvoiding(request, index, composition.avoidDeviceIds, config, registry);
  switch (decision.outcome) {
    case 'error':
      return undefined;
    case 'unschedulable': {
      const reason = decision.hosts.reason;
      const groups = unschedulableGroupsOf(decision);
      return {
        facts: decideComposition(
          { command: 'FailScheduling', reason, groups },
          composition,
          deps.clock.now(),
        ),
        outcome: {
          compositionId: composition.id,
          status: 'failed',
          failure: { reason, unschedulable: groups },
        },
        undo: () => undefined,
        refused: () => undefined,
      };
    }
    case 'scheduled': {
      const placement = placementOf(deps, composition, decision, index);
      return {
        ...placement,
        undo: () => {
          scheduler.unreserve(request, decision, index, config, registry);
        },
        refused: (error) => {
          if (error instanceof DevicesTakenError) markFull(index, error.deviceIds);
        },
      };
    }
  }
}

/** The ledger says these devices are at their limit: the index should not offer them again. */
export function markFull(index: scheduler.CandidateIndex, deviceIds: readonly string[]): void {
  for (const deviceId of deviceIds) {
    index.setAllocations(deviceId, index.device(deviceId)?.maxCompositions ?? 1);
  }
}
