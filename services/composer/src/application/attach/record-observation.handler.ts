import {
  type CompositionCommand,
  type CompositionFact,
  InvalidCompositionCommandError,
} from '@tessera/composer-domain';
import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CommandContext } from '../ports/command-context.js';
import { applyCommand, applyCommands } from './apply-command.js';
import type { AttachObservation } from './attach-observation.js';
import { scheduleAndAttach } from './compose-and-attach.js';

/** What recording an observation did, for the consumer's logs and for tests. */
export type ObservationOutcome =
  /** Facts were appended (with their ledger effects in the same transaction). */
  | { readonly outcome: 'recorded'; readonly facts: readonly CompositionFact[] }
  /** A repeat, a late answer, an answer to an older attempt, or of a composition or device
   * that does not expect it: nothing changed. */
  | { readonly outcome: 'ignored' };

/**
 * Records what fleet observed on a host. Idempotent: the aggregate records each (composition,
 * device, attempt) once, so a redelivered observation decides no facts and changes nothing. When
 * the observation rolled the attach back and the composition is to be rescheduled, it is
 * scheduled again (avoiding the devices to blame) and attaching starts over.
 */
export async function recordObservation(
  deps: ComposeDeps,
  observation: AttachObservation,
  context: CommandContext,
): Promise<ObservationOutcome> {
  const facts = await recorded(deps, observation, context);
  if (facts === undefined || facts.length === 0) {
    return { outcome: 'ignored' };
  }
  if (facts.some((fact) => fact.fact === 'Rescheduling')) {
    await scheduleAndAttach(deps, observation.compositionId, context);
  }
  return { outcome: 'recorded', facts };
}

/**
 * Records several observations of one composition in order, with one load and one append (a
 * consumer's batch), under the first one's context. Each behaves as `recordObservation` would
 * on its own: repeats and answers nobody waits for change nothing.
 */
export async function recordObservations(
  deps: ComposeDeps,
  compositionId: string,
  observations: readonly AttachObservation[],
  context: CommandContext,
): Promise<ObservationOutcome> {
  const facts = await applyCommands(
    deps,
    compositionId,
    observations.map(commandOf),
    context,
    unawaited,
  );
  if (facts === undefined || facts.length === 0) {
    return { outcome: 'ignored' };
  }
  if (facts.some((fact) => fact.fact === 'Rescheduling')) {
    await scheduleAndAttach(deps, compositionId, context);
  }
  return { outcome: 'recorded', facts };
}

async function recorded(
  deps: ComposeDeps,
  observation: AttachObservation,
  context: CommandContext,
): Promise<readonly CompositionFact[] | undefined> {
  try {
    return await applyCommand(deps, observation.compositionId, commandOf(observation), context);
  } catch (error) {
    if (unawaited(error)) {
      return undefined;
    }
    throw error;
  }
}

/** A device the composition does not hold (any more): an answer nobody waits for. */
function unawaited(error: unknown): boolean {
  return error instanceof InvalidCompositionCommandError;
}

function commandOf(observation: AttachObservation): CompositionCommand {
  switch (observation.observed) {
    case 'attach':
      return { command: 'RecordAttachment', results: observation.results };
    case 'detach':
      return { command: 'RecordDetachment', deviceIds: observation.deviceIds };
  }
}
