import {
  type Composition,
  CompositionNotFoundError,
  decideComposition,
  QuotaExceededError,
  scheduler,
  type UnschedulableGroup,
} from '@tessera/composer-domain';
import { scheduleAvoiding } from '../lifecycle/schedule-avoiding.js';
import { DevicesTakenError } from '../ports/allocation-ledger.js';
import type { CommandContext } from '../ports/command-context.js';
import { VersionConflictError } from '../ports/composition-repository.js';
import {
  type ComposeDeps,
  defaultMaxScheduleAttempts,
  pluginRegistryOf,
  schedulerConfigOf,
} from './compose-deps.js';
import { outcomeOf } from './composition-outcome.js';
import type { CompositionOutcome } from './request-composition.command.js';
import { markFull } from './first-attempt.js';
import { placementOf } from './placement.js';
import { schedulingRequestOf, unschedulableGroupsOf } from './scheduling-request-of.js';

/**
 * Schedules a requested composition: chooses devices on the candidate index, then reserves them
 * in the ledger in the same transaction as the `Scheduled` facts; devices that failed the
 * composition before (its `avoidDeviceIds`) are never chosen again. The index is only a cache: when
 * the ledger refuses (another replica took a device first) the devices are marked full in the
 * index and the choice is made again, up to `maxScheduleAttempts` times; when nothing fits the
 * composition is `failed` with the scheduler's explanation per group. A composition no longer
 * `requested` (a retried request that another call already scheduled) is returned as it is.
 */
export async function scheduleComposition(
  deps: ComposeDeps,
  compositionId: string,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const attempts = deps.maxScheduleAttempts ?? defaultMaxScheduleAttempts;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const { composition, version } = await load(deps, compositionId);
    if (composition.status !== 'requested') {
      return outcomeOf(composition);
    }
    const outcome = await attemptOnce(deps, composition, version, context);
    if (outcome !== 'retry') {
      return outcome;
    }
  }
  const { composition, version } = await load(deps, compositionId);
  if (composition.status !== 'requested') {
    return outcomeOf(composition);
  }
  const reason = `the ledger refused ${attempts} choices in a row: other requests took the devices first`;
  return fail(deps, composition, version, context, reason, []);
}

async function attemptOnce(
  deps: ComposeDeps,
  composition: Composition,
  version: number,
  context: CommandContext,
): Promise<CompositionOutcome | 'retry'> {
  const request = schedulingRequestOf(composition.spec);
  // Devices still bound (being detached after a rollback) cannot be chosen again yet.
  const avoided = [
    ...composition.avoidDeviceIds,
    ...composition.bindings.map((binding) => binding.deviceId),
  ];
  const freed = (await heldByItsLease(deps, composition)).filter((id) => !avoided.includes(id));
  const index = await deps.candidates();
  const config = schedulerConfigOf(deps);
  const registry = pluginRegistryOf(deps);
  const outcome = scheduleAvoiding(request, index, avoided, config, registry, freed);
  switch (outcome.outcome) {
    case 'unschedulable':
      return retriedOnConflict(() =>
        fail(
          deps,
          composition,
          version,
          context,
          outcome.hosts.reason,
          unschedulableGroupsOf(outcome),
        ),
      );
    case 'error':
      return retriedOnConflict(() =>
        fail(
          deps,
          composition,
          version,
          context,
          `scheduler plugin ${outcome.plugin} could not decide: ${outcome.message}`,
          [],
        ),
      );
    case 'scheduled':
      try {
        return await reserve(deps, composition, version, context, outcome, index);
      } catch (error) {
        scheduler.unreserve(request, outcome, index, config, registry);
        if (error instanceof DevicesTakenError) {
          markFull(index, error.deviceIds);
          return 'retry';
        }
        if (error instanceof VersionConflictError) {
          return 'retry';
        }
        if (error instanceof QuotaExceededError) {
          return retriedOnConflict(() =>
            fail(deps, composition, version, context, error.message, []),
          );
        }
        throw error;
      }
  }
}

/** The devices the composition's lease holds for it (none for an open-ended composition). */
async function heldByItsLease(
  deps: ComposeDeps,
  composition: Composition,
): Promise<readonly string[]> {
  if (composition.leaseId === undefined || deps.leaseSlots === undefined) return [];
  return deps.leaseSlots.heldFor(composition.leaseId, composition.id);
}

/** Records the choice and holds its devices in the ledger, in one transaction. */
async function reserve(
  deps: ComposeDeps,
  composition: Composition,
  version: number,
  context: CommandContext,
  decision: scheduler.Decision,
  index: scheduler.CandidateIndex,
): Promise<CompositionOutcome> {
  const placement = placementOf(deps, composition, decision, index);
  await deps.compositions.appendWithLedger(
    composition.id,
    placement.facts,
    version,
    context,
    (ledger) => ledger.reserve(placement.reservation),
  );
  return placement.outcome;
}

async function fail(
  deps: ComposeDeps,
  composition: Composition,
  version: number,
  context: CommandContext,
  reason: string,
  groups: readonly UnschedulableGroup[],
): Promise<CompositionOutcome> {
  const facts = decideComposition(
    { command: 'FailScheduling', reason, groups },
    composition,
    deps.clock.now(),
  );
  await deps.compositions.append(composition.id, facts, version, context);
  return {
    compositionId: composition.id,
    status: 'failed',
    failure: { reason, unschedulable: groups },
  };
}

/** Another writer moved the composition on meanwhile: load it and look again. */
async function retriedOnConflict(
  work: () => Promise<CompositionOutcome>,
): Promise<CompositionOutcome | 'retry'> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VersionConflictError) {
      return 'retry';
    }
    throw error;
  }
}

async function load(
  deps: ComposeDeps,
  compositionId: string,
): Promise<{ composition: Composition; version: number }> {
  const { state, version } = await deps.compositions.load(compositionId);
  if (state.status === 'absent') {
    throw new CompositionNotFoundError('Schedule');
  }
  return { composition: state, version };
}
