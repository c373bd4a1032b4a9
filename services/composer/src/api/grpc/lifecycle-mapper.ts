import { invalidArgument } from '@tessera/api-kit';
import { CompositionSpecInvalidError } from '@tessera/composer-domain';
import type { composer } from '@tessera/contracts';
import type { CompositionOutcome } from '../../application/compose/request-composition.command.js';
import { InvalidQueryError } from '../../application/queries/index.js';
import { phaseOf } from './phase-mapper.js';

/** A required composition id, trimmed; INVALID_ARGUMENT on `composition_id` when empty. */
export function compositionIdOf(compositionId: string): string {
  const id = compositionId.trim();
  if (id === '') throw invalidArgument('composition_id', 'is required');
  return id;
}

/**
 * Runs an expansion: problems of its group (`validateDeviceGroup` names them `group.count`,
 * `group.constraints.sameSwitchAs`) are rethrown naming the request's fields, which are the same
 * paths in proto names (`group.constraints.same_switch_as`), not the paths under `spec`.
 */
export async function withGroupFields<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof CompositionSpecInvalidError)) throw error;
    throw new InvalidQueryError(
      error.problems.map(({ path, message }) => ({ field: path === '' ? 'group' : path, message })),
    );
  }
}

/** What Expand answers: where the composition stands and the devices chosen for `group`. */
export function expandResponseOf(
  outcome: CompositionOutcome,
  group: string,
): composer.ExpandCompositionResponse {
  const chosen = outcome.assignment?.groups.find((devices) => devices.group === group);
  return {
    compositionId: outcome.compositionId,
    phase: phaseOf(outcome.status),
    deviceIds: [...(chosen?.deviceIds ?? [])],
  };
}

/** What Shrink and Decompose answer: where the composition stands. */
export function phaseResponseOf(outcome: CompositionOutcome): {
  compositionId: string;
  phase: composer.CompositionPhase;
} {
  return { compositionId: outcome.compositionId, phase: phaseOf(outcome.status) };
}
