import type { CompositionCommandName } from './composition-commands.js';
import { InvalidCompositionCommandError, InvalidTransitionError } from './composition-errors.js';
import type { Composition, CompositionStatus } from './composition-state.js';

/** Argument checks shared by the deciders; each throws naming the argument. */

export function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new InvalidCompositionCommandError(field, 'must not be empty');
  }
  if (trimmed.length > 500) {
    throw new InvalidCompositionCommandError(field, 'must be at most 500 characters');
  }
  return trimmed;
}

/** A deadline must be a time after `now`; it is stored in one canonical ISO-8601 form. */
export function deadlineAfter(value: string, now: Date, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new InvalidCompositionCommandError(field, `"${value}" is not an ISO-8601 time`);
  }
  if (time <= now.getTime()) {
    throw new InvalidCompositionCommandError(field, `must be after ${now.toISOString()}`);
  }
  return new Date(time).toISOString();
}

/** Device ids: at least one, none empty, none twice. */
export function distinctDeviceIds(deviceIds: readonly string[], field: string): void {
  if (deviceIds.length === 0) {
    throw new InvalidCompositionCommandError(field, 'must name at least one device');
  }
  const seen = new Set<string>();
  for (const deviceId of deviceIds) {
    if (deviceId.trim() === '') {
      throw new InvalidCompositionCommandError(field, 'must not contain an empty device id');
    }
    if (seen.has(deviceId)) {
      throw new InvalidCompositionCommandError(field, `names device "${deviceId}" twice`);
    }
    seen.add(deviceId);
  }
}

/** Throws unless the composition is in one of `allowed`. */
export function inStatus(
  composition: Composition,
  command: CompositionCommandName,
  ...allowed: CompositionStatus[]
): void {
  if (!allowed.includes(composition.status)) {
    throw new InvalidTransitionError(composition.id, composition.status, command);
  }
}
