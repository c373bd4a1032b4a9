import {
  type Composition,
  type CompositionCommandName,
  type CompositionFact,
  CompositionNotFoundError,
  type DeviceFabrics,
  scheduler,
  type UnschedulableGroup,
} from '@tessera/composer-domain';
import {
  type ComposeDeps,
  defaultAttachTimeoutMs,
  defaultMaxScheduleAttempts,
  pluginRegistryOf,
  schedulerConfigOf,
} from '../compose/compose-deps.js';
import { fabricsOnRoutes } from '../compose/route-fabrics.js';
import { unschedulableGroupsOf } from '../compose/scheduling-request-of.js';
import { DevicesTakenError } from '../ports/allocation-ledger.js';
import type { CommandContext } from '../ports/command-context.js';
import { VersionConflictError } from '../ports/composition-repository.js';
import { scheduleAvoiding } from './schedule-avoiding.js';

/** Devices for one more group (or one replacement) on the host a ready composition already has. */
export interface HostPlan {
  readonly command: CompositionCommandName;
  /** Throws a typed error when the composition cannot take the change; called on every load. */
  check(composition: Composition): void;
  /** The group to schedule, in the scheduler's vocabulary (the index shows the host's routes). */
  group(composition: Composition, index: scheduler.CandidateIndex): scheduler.GroupRequest;
  /** Devices never to choose (the composition's own, a failed one). */
  avoid(composition: Composition): readonly string[];
  /** The facts for the chosen devices, reserved under `reservationId` until `attachDeadline`. */
  decide(
    composition: Composition,
    choice: {
      readonly deviceIds: readonly string[];
      readonly reservationId: string;
      readonly attachDeadline: Date;
      /** When the choice is decided. */
      readonly now: Date;
      /** The fabric of the route to each chosen device, where the index knows it. */
      readonly fabrics: DeviceFabrics;
    },
  ): CompositionFact[];
}

export type HostPlacement =
  | { readonly outcome: 'placed'; readonly deviceIds: readonly string[] }
  | {
      readonly outcome: 'unschedulable';
      readonly reason: string;
      readonly groups: readonly UnschedulableGroup[];
    };

/**
 * Chooses devices on the composition's host, then appends the plan's facts and reserves the
 * devices in the ledger in one transaction. Like scheduling a request: a device the ledger
 * refuses is marked full in the index and the choice is made again, up to `maxScheduleAttempts`
 * times. Nothing is stored when nothing fits.
 */
export async function placeOnHost(
  deps: ComposeDeps,
  compositionId: string,
  plan: HostPlan,
  context: CommandContext,
): Promise<HostPlacement> {
  const attempts = deps.maxScheduleAttempts ?? defaultMaxScheduleAttempts;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const { state, version } = await deps.compositions.load(compositionId);
    if (state.status === 'absent') {
      throw new CompositionNotFoundError(plan.command);
    }
    plan.check(state);
    const outcome = await placeOnce(deps, state, version, plan, context);
    if (outcome !== 'retry') {
      return outcome;
    }
  }
  return {
    outcome: 'unschedulable',
    reason: `the ledger refused ${attempts} choices in a row: other requests took the devices first`,
    groups: [],
  };
}

async function placeOnce(
  deps: ComposeDeps,
  composition: Composition,
  version: number,
  plan: HostPlan,
  context: CommandContext,
): Promise<HostPlacement | 'retry'> {
  const hostId = composition.hostId ?? '';
  const index = await deps.candidates();
  const request: scheduler.SchedulingRequest = {
    tenant: composition.spec.tenant,
    host: { hostId },
    groups: [plan.group(composition, index)],
  };
  const config = schedulerConfigOf(deps);
  const registry = pluginRegistryOf(deps);
  const outcome = scheduleAvoiding(request, index, plan.avoid(composition), config, registry);
  switch (outcome.outcome) {
    case 'unschedulable':
      return {
        outcome: 'unschedulable',
        reason: outcome.hosts.reason,
        groups: unschedulableGroupsOf(outcome),
      };
    case 'error':
      return {
        outcome: 'unschedulable',
        reason: `scheduler plugin ${outcome.plugin} could not decide: ${outcome.message}`,
        groups: [],
      };
    case 'scheduled':
      try {
        return await reserve(deps, composition, version, plan, context, outcome, index);
      } catch (error) {
        scheduler.unreserve(request, outcome, index, config, registry);
        if (error instanceof DevicesTakenError) {
          for (const deviceId of error.deviceIds) {
            index.setAllocations(deviceId, index.device(deviceId)?.maxCompositions ?? 1);
          }
          return 'retry';
        }
        if (error instanceof VersionConflictError) {
          return 'retry';
        }
        throw error;
      }
  }
}

async function reserve(
  deps: ComposeDeps,
  composition: Composition,
  version: number,
  plan: HostPlan,
  context: CommandContext,
  decision: scheduler.Decision,
  index: scheduler.CandidateIndex,
): Promise<HostPlacement> {
  const now = deps.clock.now();
  const attachDeadline = new Date(now.getTime() + (deps.attachTimeoutMs ?? defaultAttachTimeoutMs));
  const deviceIds = decision.groups.flatMap((group) => group.deviceIds);
  const reservationId = deps.ids.newId();
  const fabrics = fabricsOnRoutes(index, decision.hostId, deviceIds);
  const facts = plan.decide(composition, {
    deviceIds,
    reservationId,
    attachDeadline,
    now,
    fabrics,
  });
  await deps.compositions.appendWithLedger(composition.id, facts, version, context, (ledger) =>
    ledger.reserve({
      reservationId,
      compositionId: composition.id,
      owner: deps.owner,
      expiresAt: attachDeadline,
      devices: deviceIds.map((deviceId) => ({
        deviceId,
        maxCompositions: index.device(deviceId)?.maxCompositions ?? 1,
      })),
    }),
  );
  return { outcome: 'placed', deviceIds };
}
