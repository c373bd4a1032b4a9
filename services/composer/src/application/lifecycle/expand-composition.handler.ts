import {
  type Composition,
  CompositionSpecInvalidError,
  type CompositionState,
  decideComposition,
  type DeviceGroupSpec,
  groupsOf,
  InvalidCompositionCommandError,
  InvalidTransitionError,
  validateDeviceGroup,
} from '@tessera/composer-domain';
import type { ComposeDeps } from '../compose/compose-deps.js';
import { outcomeOf } from '../compose/composition-outcome.js';
import type { CompositionOutcome } from '../compose/request-composition.command.js';
import { schedulingRequestOf } from '../compose/scheduling-request-of.js';
import type { CommandContext } from '../ports/command-context.js';
import type { ExpandCompositionCommand } from './lifecycle.command.js';
import { ExpansionUnschedulableError } from './lifecycle-errors.js';
import { type HostPlan, placeOnHost } from './place-on-host.js';

/**
 * Adds a group to a ready composition (ARCHITECTURE.md, "Composition lifecycle": Expand): the
 * scheduler chooses its devices on the composition's host, the ledger reserves them with the
 * `ExpansionStarted` facts and the attach intents go out; `Expanded` (and the ledger's
 * confirmation) follows once every attach is observed. A bad group throws
 * `CompositionSpecInvalidError`, a composition that is not ready `InvalidTransitionError`, a
 * group that does not fit `ExpansionUnschedulableError` with the scheduler's explanation; then
 * nothing is stored. Asking again while the same group is being added changes nothing.
 */
export async function expandComposition(
  deps: ComposeDeps,
  command: ExpandCompositionCommand,
  context: CommandContext,
): Promise<CompositionOutcome> {
  const validation = validateDeviceGroup(command.group);
  if (!validation.ok) {
    throw new CompositionSpecInvalidError(validation.problems);
  }
  const group = validation.group;
  const { state } = await deps.compositions.load(command.compositionId);
  if (isAddingAlready(state, group)) {
    return outcomeOf(state);
  }
  const placement = await placeOnHost(deps, command.compositionId, expansionOf(group), context);
  if (placement.outcome === 'unschedulable') {
    throw new ExpansionUnschedulableError(
      command.compositionId,
      group.name,
      placement.reason,
      placement.groups,
    );
  }
  const { state: expanded } = await deps.compositions.load(command.compositionId);
  return outcomeOf(expanded as Composition);
}

function isAddingAlready(state: CompositionState, group: DeviceGroupSpec): state is Composition {
  return (
    state.status === 'expanding' &&
    state.change?.change === 'expansion' &&
    state.change.group.name === group.name
  );
}

function expansionOf(group: DeviceGroupSpec): HostPlan {
  return {
    command: 'Expand',
    check: (composition) => {
      if (composition.status !== 'ready') {
        throw new InvalidTransitionError(composition.id, composition.status, 'Expand');
      }
      if (groupsOf(composition).some(({ name }) => name === group.name)) {
        throw new InvalidCompositionCommandError(
          'group.name',
          `"${group.name}" is already a group of composition "${composition.id}"`,
        );
      }
    },
    group: (composition) => {
      const [request] = schedulingRequestOf({ ...composition.spec, groups: [group] }).groups;
      if (request === undefined) throw new Error('a one-group spec gives one group request');
      return request;
    },
    avoid: (composition) => [
      ...composition.bindings.map(({ deviceId }) => deviceId),
      ...composition.avoidDeviceIds,
    ],
    decide: (composition, { deviceIds, reservationId, attachDeadline, now, fabrics }) =>
      decideComposition(
        {
          command: 'Expand',
          group,
          deviceIds,
          reservationId,
          attachDeadline: attachDeadline.toISOString(),
          fabrics,
        },
        composition,
        now,
      ),
  };
}
