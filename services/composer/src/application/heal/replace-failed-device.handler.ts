import {
  type Composition,
  decideComposition,
  InvalidCompositionCommandError,
  InvalidTransitionError,
} from '@tessera/composer-domain';
import { applyCommand } from '../attach/apply-command.js';
import type { CommandContext } from '../ports/command-context.js';
import { replacementGroup } from './replacement-group.js';
import { type HostPlan, placeOnHost } from '../lifecycle/place-on-host.js';
import type {
  HealDeps,
  HealingOutcome,
  ReplaceFailedDeviceCommand,
} from './replace-failed-device.command.js';

/** The longest reason a fact keeps (the aggregate's limit for text). */
const maxReason = 500;

/**
 * Auto-heal (issue point 11): for each ready composition that holds the failed device attached
 * and asks for healing (`healing.replaceFailed`), the scheduler chooses one device for the same
 * group (same kind, selectors, labels and constraints, on the same host; never the failed device
 * nor one the composition holds), the ledger reserves it with `DeviceReplacementStarted` and its
 * attach intent; once it is attached the failed device is detached (`DeviceReplaced`). When
 * nothing fits, `ReplacementUnavailable` says so and the composition stays ready, degraded.
 * Repeating it for the same device changes nothing.
 */
export async function replaceFailedDevice(
  deps: HealDeps,
  command: ReplaceFailedDeviceCommand,
  context: CommandContext,
): Promise<readonly HealingOutcome[]> {
  if (typeof command.deviceId !== 'string' || command.deviceId.trim() === '') {
    throw new InvalidCompositionCommandError('deviceId', 'must not be empty');
  }
  const outcomes: HealingOutcome[] = [];
  for (const compositionId of await deps.holders.compositionsHolding(command.deviceId)) {
    outcomes.push(await healOne(deps, compositionId, command.deviceId, context));
  }
  return outcomes;
}

async function healOne(
  deps: HealDeps,
  compositionId: string,
  deviceId: string,
  context: CommandContext,
): Promise<HealingOutcome> {
  const { state } = await deps.compositions.load(compositionId);
  const skip = state.status === 'absent' ? 'no such composition' : whyNotHealed(state, deviceId);
  if (skip !== undefined) {
    return { compositionId, outcome: 'skipped', reason: skip };
  }
  try {
    const placement = await placeOnHost(deps, compositionId, replacementOf(deviceId), context);
    if (placement.outcome === 'placed') {
      return {
        compositionId,
        outcome: 'replacing',
        replacementDeviceId: placement.deviceIds[0] ?? '',
      };
    }
    const reason = [
      placement.reason,
      ...placement.groups.map(({ group, why }) => `${group}: ${why}`),
    ]
      .join('; ')
      .slice(0, maxReason);
    await applyCommand(
      deps,
      compositionId,
      { command: 'ReportNoReplacement', failedDeviceId: deviceId, reason },
      context,
    );
    return { compositionId, outcome: 'no-replacement', reason };
  } catch (error) {
    // The composition moved on meanwhile (decomposed, changed): not this healing's to do.
    if (
      error instanceof InvalidTransitionError ||
      error instanceof InvalidCompositionCommandError
    ) {
      return { compositionId, outcome: 'skipped', reason: error.message };
    }
    throw error;
  }
}

function whyNotHealed(composition: Composition, deviceId: string): string | undefined {
  if (composition.spec.healing?.replaceFailed !== true) {
    return 'its spec does not ask for healing (healing.replaceFailed)';
  }
  const change = composition.change;
  if (change?.change === 'replacement' && change.failedDeviceId === deviceId) {
    return `already replacing "${deviceId}" with "${change.replacementDeviceId}"`;
  }
  if (composition.status !== 'ready') {
    return `it is ${composition.status}`;
  }
  const binding = composition.bindings.find((held) => held.deviceId === deviceId);
  if (binding?.status !== 'attached') {
    return `"${deviceId}" is not attached to it`;
  }
  return undefined;
}

function replacementOf(failedDeviceId: string): HostPlan {
  return {
    command: 'ReplaceFailedDevice',
    check: (composition) => {
      if (composition.status !== 'ready') {
        throw new InvalidTransitionError(composition.id, composition.status, 'ReplaceFailedDevice');
      }
    },
    group: (composition, index) => replacementGroup(composition, failedDeviceId, index),
    avoid: (composition) => [
      failedDeviceId,
      ...composition.bindings.map(({ deviceId }) => deviceId),
      ...composition.avoidDeviceIds,
    ],
    decide: (composition, { deviceIds, reservationId, attachDeadline, now, fabrics }) =>
      decideComposition(
        {
          command: 'ReplaceFailedDevice',
          failedDeviceId,
          replacementDeviceId: deviceIds[0] ?? '',
          reservationId,
          attachDeadline: attachDeadline.toISOString(),
          fabrics,
        },
        composition,
        now,
      ),
  };
}
