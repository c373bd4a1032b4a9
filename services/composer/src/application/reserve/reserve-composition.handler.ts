import {
  type CompositionSpec,
  CompositionSpecInvalidError,
  scheduler,
  validateCompositionSpec,
} from '@tessera/composer-domain';
import { DevicesTakenError } from '../ports/allocation-ledger.js';
import { defaultMaxScheduleAttempts, pluginRegistryOf } from '../compose/compose-deps.js';
import { schedulerConfigWithQuotas } from '../quotas/scheduler-config-with-quotas.js';
import {
  assignmentOf,
  schedulingRequestOf,
  unschedulableGroupsOf,
} from '../compose/scheduling-request-of.js';
import { InvalidHoldDurationError } from './reservation-errors.js';
import {
  maxHoldSeconds,
  minHoldSeconds,
  type ReservationOutcome,
  type ReserveCompositionCommand,
  type ReserveDeps,
} from './reserve-composition.command.js';

/**
 * Holds a preview's choice under a new reservation id (ARCHITECTURE.md, "Composition
 * lifecycle": Reserve). The devices are reserved in the ledger until now + `holdSeconds`, owned
 * by this replica, in the same transaction as the held choice. When the ledger refuses (another
 * replica took a device) the devices are marked full in the index and the choice is made
 * again, up to `maxScheduleAttempts` times. The choice stays within the tenant's quotas (read
 * from `quotas` when given; the ledger refuses past them with `QuotaExceededError` anyway). A bad
 * spec throws `CompositionSpecInvalidError`, a bad duration `InvalidHoldDurationError`; nothing
 * is stored then.
 */
export async function reserveComposition(
  deps: ReserveDeps,
  command: ReserveCompositionCommand,
): Promise<ReservationOutcome> {
  const { holdSeconds } = command;
  if (
    !Number.isInteger(holdSeconds) ||
    holdSeconds < minHoldSeconds ||
    holdSeconds > maxHoldSeconds
  ) {
    throw new InvalidHoldDurationError(holdSeconds);
  }
  const validation = validateCompositionSpec(command.spec);
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const attempts = deps.maxScheduleAttempts ?? defaultMaxScheduleAttempts;
  const config = await schedulerConfigWithQuotas(deps, validation.spec.tenant);
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const outcome = await attemptOnce(deps, validation.spec, command, config);
    if (outcome !== 'retry') {
      return outcome;
    }
  }
  return {
    outcome: 'contended',
    reason: `the ledger refused ${attempts} choices in a row: other requests took the devices first`,
  };
}

async function attemptOnce(
  deps: ReserveDeps,
  spec: CompositionSpec,
  command: ReserveCompositionCommand,
  config: scheduler.SchedulerConfig,
): Promise<ReservationOutcome | 'retry'> {
  const request = schedulingRequestOf(spec);
  const index = await deps.candidates();
  const registry = pluginRegistryOf(deps);
  // `schedule` assumes the choice in the index, so this replica does not offer held devices.
  const outcome = scheduler.schedule(request, index, config, registry);
  switch (outcome.outcome) {
    case 'unschedulable':
      return {
        outcome: 'unschedulable',
        reason: outcome.hosts.reason,
        hostsExamined: outcome.hosts.examined,
        groups: unschedulableGroupsOf(outcome),
      };
    case 'error':
      return {
        outcome: 'error',
        reason: `scheduler plugin ${outcome.plugin} could not decide: ${outcome.message}`,
      };
    case 'scheduled':
      try {
        return await hold(deps, spec, command, outcome, index);
      } catch (error) {
        scheduler.unreserve(request, outcome, index, config, registry);
        if (error instanceof DevicesTakenError) {
          markFull(index, error.deviceIds);
          return 'retry';
        }
        throw error;
      }
  }
}

async function hold(
  deps: ReserveDeps,
  spec: CompositionSpec,
  command: ReserveCompositionCommand,
  decision: scheduler.Decision,
  index: scheduler.CandidateIndex,
): Promise<ReservationOutcome> {
  const expiresAt = new Date(deps.clock.now().getTime() + command.holdSeconds * 1000);
  const assignment = assignmentOf(decision);
  const reservationId = deps.ids.newId();
  await deps.reservations.hold({
    held: {
      reservationId,
      compositionId: deps.ids.newId(),
      spec,
      assignment,
      reservedBy: command.requestedBy,
      expiresAt,
    },
    owner: deps.owner,
    devices: assignment.groups.flatMap(({ group, deviceIds }) => {
      const groupKind = spec.groups.find((wanted) => wanted.name === group)?.kind;
      return deviceIds.map((deviceId) => ({
        deviceId,
        maxCompositions: index.device(deviceId)?.maxCompositions ?? 1,
        kind: index.device(deviceId)?.kind ?? groupKind,
      }));
    }),
  });
  return { outcome: 'held', reservationId, expiresAt, assignment };
}

/** The ledger says these devices are at their limit: the index should not offer them again. */
function markFull(index: scheduler.CandidateIndex, deviceIds: readonly string[]): void {
  for (const deviceId of deviceIds) {
    index.setAllocations(deviceId, index.device(deviceId)?.maxCompositions ?? 1);
  }
}
